r"""The question bank as LMS quizzes: text2qti source, a QTI 1.2 zip (Canvas) and Moodle XML.

``python -m lessons quiz --out DIR [--lesson N]`` writes, for each lesson with questions
(or the one asked for), ``lesson-N.txt`` (text2qti's plain-text source), ``lesson-N-qti.zip``
(made from it by text2qti, the maintained converter; Canvas imports it) and
``lesson-N-moodle.xml``. Moodle gets its own file because its core importers read GIFT,
Moodle XML, Aiken and a few vendor formats, not Canvas's QTI 1.2. The Python packages that
write Moodle XML are front ends for YAML or spreadsheets, or unmaintained, so this module
builds it with the standard library's ElementTree, which does the XML escaping.

How each kind of question becomes a quiz question (the answers come from the bank, which
derives them from data/, so the export cannot drift from the notebooks):

- choice: multiple choice, with the bank's feedback on each wrong option and the explanation
  on the right one.
- number: numerical. The bank's (low, high) range widened by its tolerance, exactly as
  :func:`lessons.questions.check` judges it.
- date: short answer. The prompt asks for a day, a month in words and a year; the accepted
  forms are those a student writes for that date in English ("12 October 1948",
  "12 Oct 1948", "October 12, 1948", "Oct 12, 1948") and ISO ("1948-10-12"). Slashed forms
  are left out: 12/10/1948 reads as two different days on either side of the Atlantic.
- order: short answer with the letters in date order ("bedac", also spaced or with
  commas). A multiple choice of orderings would hand students the answer among a few
  candidates, and an LMS "ordering" question is not in every LMS (nor in QTI 1.2 as text2qti
  writes it).
- match: in Moodle, its native matching question (terms against the definitions, shuffled
  by Moodle). text2qti has no matching type, so the QTI quiz asks for the definitions' letters
  in the order of the terms, as a short answer like an order question.

text2qti reads every piece of text as Markdown (Python-Markdown with its "smarty" quotes)
and ``$...$`` as LaTeX, so :func:`qti_text` escapes each character that would mean something
there; tests/test_quiz_export.py checks that every question, and hostile text, survive.

>>> print(qti_text('US$3 *and* <b>'))
US\$3 \*and\* &lt;b&gt;
"""
from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..course import course_outline
from ..errors import LessonInputError, unknown
from ..glossary_terms import term
from ..markup import html_text
from ..questions.bank import Question, questions

__all__ = ["qti_text", "qti_source", "qti_zip", "moodle_xml", "accepted_answers", "numeric_range",
           "export_quizzes"]

COURSE = "Moscow and the Two Koreas"
INSTALL_HINT = "install the instructor tools first: pip install -e '.[instructor]' (or make, which installs them)"

# Characters XML 1.0 cannot hold at all (control characters): shown as U+FFFD rather than
# making a file that no LMS can read.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Backslash-escapable in text2qti's Markdown (its ESCAPED_CHARS, with smarty's quotes and the
# tables extension's bar) and meaningful anywhere in a line. "<", ">" and "&" become entities
# instead ("\<" is not an escape there); "$" becomes "\$", which text2qti's LaTeX pass turns
# back into a plain "$" before Markdown runs.
_ALWAYS = re.compile(r"""([\\`*_{}\[\]#+!"'|])""")
# Meaningful only in some places: "..." (an ellipsis, smarty), "--" (a dash, smarty), and a
# leading "1." or "-" (a list). Escaping them everywhere would make the source hard to read.
_DOTS = re.compile(r"\.(?=\s?\.)|(?<=\.)\.|(?<=\. )\.")
_DASHES = re.compile(r"-(?=-)|(?<=-)-")
_LEADING = re.compile(r"^(\d+)\.|^-")


def _clean(text: object) -> str:
    """One line of text: whitespace runs (newlines too) as one space, XML-illegal characters replaced.

    A newline would end the text2qti element and start a new one (a "*a)" line would become a choice).

    >>> _clean("a\\n*a) b\\x00") == "a *a) b\\ufffd"
    True
    """
    return _NOT_XML.sub("\ufffd", re.sub(r"[ \t\r\n\f\v]+", " ", str(text))).strip()


def qti_text(text: object) -> str:
    r"""``text`` as text2qti Markdown that shows exactly those characters: no HTML, maths, links or emphasis.

    >>> print(qti_text("Kim's \"letter\" -- 1... [x](y) \\num{5}"))
    Kim\'s \"letter\" \-\- 1\.\.\. \[x\](y) \\num\{5\}
    >>> print(qti_text("1. not a list"), qti_text("- nor this"))
    1\. not a list \- nor this
    """
    text = _clean(text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _DOTS.sub(r"\\.", text)
    text = _DASHES.sub(r"\\-", text)
    text = _LEADING.sub(lambda m: f"{m[1]}\\." if m[1] else "\\-", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("$", "\\$")


def _number(value: float) -> str:
    """A bound as text2qti and Moodle read it: no float noise, no exponent.

    >>> _number(13200.000000000002), _number(43.7), _number(48.0)
    ('13200', '43.7', '48')
    """
    return f"{value:.10f}".rstrip("0").rstrip(".")


def numeric_range(q: Question) -> tuple[float, float]:
    """The answers a number question accepts, as :func:`lessons.questions.check` judges them.

    >>> from lessons.questions.bank import get
    >>> numeric_range(get("1.5"))
    (48.0, 48.0)
    """
    low, high = q.answer
    slack = q.tolerance * max(abs(low), abs(high))
    return float(_number(low - slack)), float(_number(high + slack))


def _letters_forms(letters: list[str]) -> list[str]:
    """The few ways to type a sequence of letters that the prompt allows.

    >>> _letters_forms(["b", "a"])
    ['ba', 'b a', 'b,a', 'b, a']
    """
    return ["".join(letters), " ".join(letters), ",".join(letters), ", ".join(letters)]


def accepted_answers(q: Question) -> list[str]:
    """The typed answers a short-answer question (date, order, and match in QTI) accepts.

    >>> from lessons.questions.bank import get
    >>> accepted_answers(get("1.1"))
    ['12 October 1948', '12 Oct 1948', 'October 12, 1948', 'Oct 12, 1948', '1948-10-12']
    """
    if q.kind in ("order", "match"):
        return _letters_forms(q.answer)
    if q.kind != "date":
        raise LessonInputError(f"Question {q.id} is a {q.kind} question, not a short answer.")
    d = q.answer
    if d.precision == "year":
        return [str(d.year)]
    first = dt.date(d.year, d.month, d.day or 1)
    long, short = f"{first:%B}", f"{first:%b}"
    if d.precision == "month":
        return [f"{long} {d.year}", f"{short} {d.year}", f"{d.year}-{d.month:02d}"]
    return [f"{d.day} {long} {d.year}", f"{d.day} {short} {d.year}", f"{long} {d.day}, {d.year}",
            f"{short} {d.day}, {d.year}", f"{first:%Y-%m-%d}"]


def _instruction(q: Question) -> str:
    """What to type, for the questions whose answer box is free text (never an answer itself)."""
    if q.kind == "date":
        return "Answer with the day, the month in words and the year, as in 31 December 1999."
    if q.kind == "number":
        return f"Answer with a number, in {q.unit}."
    if q.kind == "order":
        return "Answer with the letters in order, earliest first, in lower case without spaces."
    if q.kind == "match":
        return ("Answer with the letter of each term's definition, in the order of the terms, "
                "in lower case without spaces.")
    if q.kind == "written":
        return f"Answer in your own words, in at least {q.min_words} words. A good answer: " + "; ".join(
            c[0].lower() + c[1:] for c in q.criteria) + "."
    return ""


def _terms(q: Question) -> list[str]:
    return [term(t)["term"] for t in q.items]


def _qti_question(q: Question) -> list[str]:
    """One question in text2qti's format (Markdown indented under its marker)."""
    lines = [f"Title: Question {q.id}", "Points: 1", f"1.  {qti_text(q.prompt)}"]
    paragraphs = []
    if q.kind == "match":
        paragraphs += [f"Term {i}: {qti_text(t)}" for i, t in enumerate(_terms(q), 1)]
    if q.kind in ("order", "match"):
        paragraphs += [f"\\({k}\\) {qti_text(t)}" for k, t in q.options.items()]
    if q.kind != "choice":
        paragraphs.append(qti_text(_instruction(q)))
    for paragraph in paragraphs:
        lines += ["", f"    {paragraph}"]
    if q.kind == "choice":
        for k, text in q.options.items():
            right = k == q.answer
            lines.append(f"{'*' if right else ''}{k}){' ' if right else '  '}{qti_text(text)}")
            lines.append(f"... {qti_text(q.explanation if right else q.feedback[k])}")
        return lines
    if q.kind == "written":
        # An essay, graded by the teacher; the model answer is the feedback shown after it is submitted.
        return [*lines, f"... {qti_text('Model answer: ' + q.explanation)}", "____"]
    lines += [f"+   {qti_text(q.explanation)}", f"-   {qti_text(q.hint)}"]
    if q.kind == "number":
        low, high = numeric_range(q)
        lines.append(f"=   {_number(low)}" if low == high and low.is_integer() else
                     f"=   [{_number(low)}, {_number(high)}]")
    else:
        # Short answers are plain text in text2qti (no Markdown), one line each.
        lines += [f"*   {_clean(answer)}" for answer in accepted_answers(q)]
    return lines


def _lesson_title(lesson: int) -> str:
    outline = course_outline()
    titles = dict(zip(outline["number"].astype(int), outline["title"], strict=True))
    return f"{COURSE}, lesson {lesson}: {titles.get(lesson, '')}".rstrip(": ")


def qti_source(bank: list[Question], title: str) -> str:
    r"""The text2qti source of a quiz made of ``bank``.

    >>> from lessons.questions.bank import get
    >>> print(qti_source([get("1.5")], "Lesson 1"))
    Quiz title: Lesson 1
    Quiz description: Self-check questions of the course, exported by python -m lessons quiz.
    <BLANKLINE>
    Title: Question 1.5
    Points: 1
    1.  How many states voted for UN General Assembly Resolution 195 (III) on 12 December 1948?
    <BLANKLINE>
        Answer with a number, in votes.
    +   The resolution passed by 48 votes to 6, with Sweden abstaining; ...
    -   The section \'Who recognised whom\' gives the vote; the Soviet Union opposed the resolution.
    =   48
    <BLANKLINE>
    """
    lines = [f"Quiz title: {_clean(title)}",
             f"Quiz description: {qti_text('Self-check questions of the course, exported by python -m lessons quiz.')}",
             ""]
    for q in bank:
        lines += [*_qti_question(q), ""]
    return "\n".join(lines)


def qti_zip(source: str) -> bytes:
    """The QTI 1.2 zip that text2qti makes from ``source`` (no network, no config file written).

    A source text2qti refuses raises :class:`LessonInputError` with text2qti's reason.
    """
    try:
        from text2qti.config import Config
        from text2qti.err import Text2qtiError
        from text2qti.qti import QTI
        from text2qti.quiz import Quiz
    except ImportError:
        raise LessonInputError(f"text2qti is not installed: {INSTALL_HINT}.") from None
    try:
        # Config() without .load(): text2qti's defaults, and no ~/.text2qti.bespon read or created.
        return QTI(Quiz(source, config=Config(), source_name="quiz")).zip_bytes()
    except Text2qtiError as error:
        raise LessonInputError(f"text2qti could not convert the quiz: {error}") from None


def _text(parent: ET.Element, tag: str, html: str | None = None, plain: str | None = None) -> ET.Element:
    """``<tag format="html"><text>…</text></tag>`` (or plain text); ElementTree escapes it for XML."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html is not None else {})
    ET.SubElement(element, "text").text = html if html is not None else plain
    return element


def _html(text: object) -> str:
    return html_text(_clean(text))


def _moodle_question(quiz: ET.Element, q: Question) -> None:
    kind = {"choice": "multichoice", "number": "numerical", "match": "matching", "written": "essay"}.get(
        q.kind, "shortanswer")
    element = ET.SubElement(quiz, "question", {"type": kind})
    _text(element, "name", plain=f"Question {q.id}")
    body = [f"<p>{_html(q.prompt)}</p>"]
    if q.kind == "order":
        body += [f"<p>({k}) {_html(t)}</p>" for k, t in q.options.items()]
    if q.kind != "choice" and q.kind != "match":
        body.append(f"<p>{_html(_instruction(q))}</p>")
    _text(element, "questiontext", html="".join(body))
    _text(element, "generalfeedback", html=f"<p>{_html(q.explanation)}</p>")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    if q.kind == "choice":
        ET.SubElement(element, "single").text = "true"
        # The feedback and hints were written for the options in this order.
        ET.SubElement(element, "shuffleanswers").text = "0"
        ET.SubElement(element, "answernumbering").text = "abc"
        for k, text in q.options.items():
            right = k == q.answer
            answer = _text(element, "answer", html=_html(text))
            answer.set("fraction", "100" if right else "0")
            _text(answer, "feedback", html=_html(q.explanation if right else q.feedback[k]))
    elif q.kind == "number":
        low, high = numeric_range(q)
        answer = ET.SubElement(element, "answer", {"fraction": "100"})
        ET.SubElement(answer, "text").text = _number((low + high) / 2)
        ET.SubElement(answer, "tolerance").text = _number((high - low) / 2)
        _text(answer, "feedback", html="")
    elif q.kind == "written":
        ET.SubElement(element, "responseformat").text = "editor"
        ET.SubElement(element, "responserequired").text = "1"
        ET.SubElement(element, "responsefieldlines").text = "10"
        _text(element, "graderinfo", html=f"<p>{_html('Model answer: ' + q.explanation)}</p>")
    elif q.kind == "match":
        ET.SubElement(element, "shuffleanswers").text = "true"
        definitions = {k: t for k, t in q.options.items()}
        for name, letter in zip(_terms(q), q.answer, strict=True):
            sub = _text(element, "subquestion", html=_html(name))
            # A matching answer is shown as plain text in a drop-down list.
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = _clean(definitions[letter])
    else:
        ET.SubElement(element, "usecase").text = "0"
        for typed in accepted_answers(q):
            answer = _text(element, "answer", plain=_clean(typed))
            answer.set("fraction", "100")
            answer.set("format", "moodle_auto_format")
            _text(answer, "feedback", html="")


def moodle_xml(bank: list[Question], category: str) -> str:
    """A Moodle XML question file for ``bank``, in the question category ``category``.

    >>> from lessons.questions.bank import get
    >>> xml = moodle_xml([get("1.5")], "Lesson 1")
    >>> '<question type="numerical">' in xml and "<text>48</text>" in xml
    True
    """
    quiz = ET.Element("quiz")
    head = ET.SubElement(quiz, "question", {"type": "category"})
    # "/" separates categories in Moodle's path; "$course$" is the course being imported into.
    _text(head, "category", plain=f"$course$/{_clean(category).replace('/', '-')}")
    for q in bank:
        _moodle_question(quiz, q)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _lessons_wanted(lesson: object) -> dict[int, list[Question]]:
    by_lesson: dict[int, list[Question]] = {}
    for q in questions().values():
        by_lesson.setdefault(q.lesson, []).append(q)
    if lesson is None:
        return dict(sorted(by_lesson.items()))
    text = str(lesson).strip()
    if not text.isdigit() or int(text) not in by_lesson:
        raise unknown("lesson", text, sorted(by_lesson))
    return {int(text): by_lesson[int(text)]}


def export_quizzes(out: str | Path, lesson: object = None) -> list[Path]:
    """Write the text2qti source, the QTI zip and the Moodle XML of each lesson (or of ``lesson``).

    Returns the files written. An unknown lesson or a folder that cannot be written raises
    :class:`LessonInputError`.
    """
    wanted = _lessons_wanted(lesson)
    folder = Path(out)
    made = {}
    for number, bank in wanted.items():  # everything is built before anything is written
        title = _lesson_title(number)
        source = qti_source(bank, title)
        made[f"lesson-{number}.txt"] = source.encode("utf-8")
        made[f"lesson-{number}-qti.zip"] = qti_zip(source)
        made[f"lesson-{number}-moodle.xml"] = moodle_xml(bank, title).encode("utf-8")
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in made.items():
            (folder / name).write_bytes(data)
            written.append(folder / name)
    except OSError as error:
        raise LessonInputError(f"Cannot write to --out {str(folder)!r}: {error.strerror or error}.") from None
    return written


def read_qti_items(zip_bytes: bytes) -> ET.Element:
    """The assessment XML inside a QTI zip, parsed (for tests and for checking an export by hand)."""
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
        return ET.fromstring(archive.read(name))

"""Printable handouts: every lesson executed and saved as self-contained HTML, and as PDF.

A handout reads as paper: widgets need a live kernel, so a question is printed with a
line to answer on, an explorer is left out with the instructions for using it, and so are
other screen-only paragraphs ("run the next cell", "press Check"); the static charts, their
captions and their alt text stay. Script tags that would fetch JavaScript from the network
are removed, so a handout opens offline. PDFs are printed by Debian's Chromium (headless);
without it only the HTML is built, and the reason is printed.
"""
from __future__ import annotations

import copy
import os
import re
import subprocess
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from ..course import course_outline, notebook_path
from ..errors import LessonInputError
from ..glossary_terms import term
from ..markup import html_text
from ..primary_documents import MOVES, documents
from ..questions.bank import get
from ..widgets.argument_box import central_question, rubric_html
from ..widgets.document_card import PROMPTS, card_html
from .chromium import CHROMIUM, CHROMIUM_ARGS

__all__ = ["build_handouts", "strip_widgets", "for_paper", "paper_text", "offline_html", "CHROMIUM"]

WIDGET = "application/vnd.jupyter.widget-view+json"
# Links are underlined so they are told apart from text without colour (axe: link-in-text-block).
PRINT_CSS = ("<style>@page { size: A4; margin: 15mm; } body { font-size: 11pt; } "
             ".jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; } "
             "a { text-decoration: underline !important; } h1, h2, h3, h4 { break-after: avoid; }</style>")
# A paragraph that only makes sense on a screen: it tells the reader to run, press, set or use something.
SCREEN_ONLY = re.compile("|".join([
    r"lessons\.\w+\(",  # a call to type in a code cell
    r"\b[Pp]ress \*\*", r"\b[Cc]lick\b", r"\b[Dd]rag\b", r"\b[Ss]et \*\*", r"\b[Uu]se \*\*", r"\b[Tt]ick\b",
    r"\b[Rr]un (the|this|it|each|every|all)\b", r"\bShift \+ Enter\b", r"\b(Run|Kernel) ▸",
    r"\b(with|in|use) the widget\b", r"\bthe explorer\b", r"\bexplorer below\b", r"\bslider\b",
    r"\bcheckbox(es)?\b", r"\bdropdown\b", r"\bin code\b", r"\bbelow and run\b",
]))


def question_on_paper(question_id: str) -> str:
    """A self-check question as printable HTML: prompt, options and a line to answer on.

    >>> "Answer:" in question_on_paper("1.2") and "b)" in question_on_paper("1.2")
    True
    """
    q = get(question_id)
    lines = [f"<p><b>Question {q.id}.</b> {html_text(q.prompt)}</p>"]
    if q.options:
        lines.append("<p>" + "<br>".join(f"({k}) {html_text(t)}" for k, t in q.options.items()) + "</p>")
    if q.kind == "match":
        lines.append("<p>Terms: " + "; ".join(html_text(term(t)["term"]) for t in q.items) + "</p>")
    if q.kind == "written":
        lines.append(f"<p>Answer in at least {q.min_words} words:</p>" + "<p>" + "<br>".join(["_" * 60] * 6) + "</p>")
        return "".join(lines)
    lines.append("<p>Answer: ______________________________</p>")
    return "".join(lines)


_LINES = "<p>" + "<br>".join(["_" * 60] * 4) + "</p>"


def documents_on_paper(lesson: int) -> str:
    """A lesson's document cards for paper: each card, its address printed, the four prompts with lines.

    >>> page = documents_on_paper(2)
    >>> page.count("Sourcing.") == len(documents(lesson=2)) and "https://" in page
    True
    """
    parts = []
    for _, row in documents(lesson=lesson).iterrows():
        url = str(row.get("url") or "")
        parts.append(card_html(row) + (f"<p>Original: {html_text(url)}</p>" if url else ""))
        parts += [f"<p><b>{html_text(title)}.</b> {html_text(PROMPTS[move])}</p>{_LINES}" for move, title in MOVES]
    return "".join(parts)


def argument_on_paper(lesson: int) -> str:
    """The argument task for paper: the central question, what to write, lines, and the rubric.

    >>> "Whose war was it?" in argument_on_paper(2) and "<details open>" not in argument_on_paper(2)
    True
    """
    return (f"<p><b>Central question:</b> {html_text(central_question(lesson))}</p>"
            "<p>Answer it in 150–250 words: a claim, at least two documents and one chart as evidence, and your "
            "reasoning.</p>" + "<p>" + "<br>".join(["_" * 60] * 12) + "</p>" + rubric_html())


def on_paper(source: str) -> str:
    """What a widget cell prints as on paper: a question, document cards or the argument task ("" for others).

    >>> on_paper('lessons.question("1.2")').startswith("<p><b>Question 1.2.")
    True
    >>> on_paper("lessons.trade_explorer()")
    ''
    """
    asked = re.search(r'lessons\.question\("([\d.]+)"\)', source)
    if asked:
        return question_on_paper(asked[1])
    cards = re.search(r"lessons\.document_cards\(lesson=(\d+)\)", source)
    if cards:
        return documents_on_paper(int(cards[1]))
    task = re.search(r"lessons\.argument\(lesson=(\d+)\)", source)
    return argument_on_paper(int(task[1])) if task else ""


def paper_caption(page: str) -> str:
    """A chart's HTML without the caption sentences that point to code (``lessons.cite(...)``).

    >>> paper_caption("<figcaption><b>Figure.</b> Bars by year. Data: COW, lessons.cite(&#x27;cow-2.0&#x27;)."
    ...               "<details><summary>Text description</summary>x</details></figcaption>")
    '<figcaption><b>Figure.</b> Bars by year.<details><summary>Text description</summary>x</details></figcaption>'
    """
    def caption(match: re.Match) -> str:
        sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", match[2])
        return match[1] + " ".join(s for s in sentences if "lessons." not in s) + match[3]

    return re.sub(r"(<figcaption><b>Figure\.</b> )(.*?)(<details>)", caption, page, flags=re.S)


def strip_widgets(nb: nbformat.NotebookNode) -> int:
    """Replace widget outputs: questions by their printable text; explorers are left out.

    Returns how many outputs were replaced or removed.
    """
    replaced = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        printed = on_paper(cell.source)
        outputs = []
        for output in cell.get("outputs", []):
            if WIDGET in output.get("data", {}):
                replaced += 1
                if printed:
                    outputs.append(nbformat.v4.new_output(
                        "display_data", data={"text/html": printed, "text/plain": ""}))
            elif "lessons.setup()" not in cell.source:  # "Ready." means nothing on paper
                if "text/html" in output.get("data", {}):
                    output["data"]["text/html"] = paper_caption(output["data"]["text/html"])
                outputs.append(output)
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return replaced


def _paper_line(line: str) -> str:
    """One Markdown line without its screen-only sentences ("" if nothing is left)."""
    if not SCREEN_ONLY.search(line):
        return line
    sentences = re.split(r"(?<=[.!?:])\s+(?=[A-Z*(])", line)
    kept = [s for s in sentences if not SCREEN_ONLY.search(s)]
    return " ".join(kept) if kept and not kept[-1].endswith(":") else ""


def paper_text(markdown: str) -> str:
    r"""A Markdown cell without its screen-only sentences.

    >>> paper_text("### Explore\nUse the slider below.")
    '### Explore'
    >>> paper_text("### Trade\nTrade grew. Press **Check** to see.\n\nRun the next cell first.")
    '### Trade\nTrade grew.'
    """
    lines = [_paper_line(line) if line.strip() else "" for line in markdown.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _only_headings(text: str) -> bool:
    return all(re.fullmatch(r"#+ .*", line.strip()) for line in text.splitlines() if line.strip())


def drop_hand_in(nb: nbformat.NotebookNode) -> int:
    """Remove the Hand in section (its heading cell and the cell it runs): paper hands in nothing.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("### Hand in"),
    ...     nbformat.v4.new_code_cell('lessons.hand_in(lesson=1, name="")'),
    ...     nbformat.v4.new_markdown_cell("### Sources")])
    >>> drop_hand_in(nb), [c.source for c in nb.cells]
    (2, ['### Sources'])
    """
    keep, dropping = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            dropping = cell.source.startswith("### Hand in")
        if not dropping:
            keep.append(cell)
    removed = len(nb.cells) - len(keep)
    nb.cells = keep
    return removed


def for_paper(nb: nbformat.NotebookNode) -> int:
    """Make an executed lesson read as paper; return how many screen-only pieces were removed."""
    removed = drop_hand_in(nb)
    shows = [bool(c.get("outputs")) for c in nb.cells]  # before: which cells show something on screen
    removed += strip_widgets(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        text = paper_text(cell.source)
        following = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        explorer_next = (following is not None and following.cell_type == "code" and shows[i + 1]
                         and not following.outputs)
        if text != cell.source.strip() and explorer_next:
            text = ""  # it introduced an explorer, which paper cannot show
        elif re.fullmatch(r"#+ Question [\d.]+", text):
            text = ""  # the printed question carries its own number
        elif _only_headings(text) and not (following is not None and following.get("outputs")):
            text = ""  # a heading with nothing left under it
        removed += text != cell.source.strip()
        cell.source = text
    nb.cells = [c for c in nb.cells if c.cell_type != "markdown" or c.source]
    return removed


def offline_html(html: str) -> str:
    """Drop script tags that load code from the network, and add print styles.

    >>> offline_html('<head><script src="https://cdn.example/x.js"></script></head>').startswith("<head><style>@page")
    True
    """
    html = re.sub(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>', "", html)
    html = html.replace("<details>", "<details open>")  # on paper, show each chart's text description
    # Markdown writes a dollar as \\$ for JupyterLab's MathJax (see lessons.markup); nbconvert leaves
    # "\$", which only MathJax would clean up, and a handout loads no MathJax.
    html = html.replace("\\$", "$")
    return html.replace("</head>", PRINT_CSS + "</head>", 1)


def _execute(nb: nbformat.NotebookNode, workdir: Path) -> None:
    # Over IPC (a local socket file) the kernel needs no TCP port, and ipykernel does not warn
    # that "Kernel is running over TCP without encryption" once per lesson. Windows has no IPC.
    manager = KernelManager(kernel_name="python3", transport="ipc" if os.name == "posix" else "tcp")
    if os.name == "posix":
        manager.ip = str(workdir / "kernel")
    try:
        NotebookClient(nb, km=manager, timeout=300, resources={"metadata": {"path": str(workdir)}}).execute()
    finally:  # a kernel manager we made is ours to stop
        if manager.has_kernel:
            manager.shutdown_kernel(now=False)


def _html_for(number: int, title: str, workdir: Path, executed: nbformat.NotebookNode | None = None) -> str:
    if executed is None:
        nb = nbformat.read(notebook_path(number), as_version=4)
        _execute(nb, workdir)
    else:  # already executed (the tests share one run per lesson); never changed in place
        nb = copy.deepcopy(executed)
    for_paper(nb)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True  # a handout is for reading: code stays in the notebook
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return offline_html(body)


def _print_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)


def build_handouts(out: str | Path = "handouts", pdf: bool = True, lessons: list[int] | None = None,
                   executed: dict[int, nbformat.NotebookNode] | None = None) -> list[Path]:
    """Build the handouts of ``lessons`` (default: all) in ``out``; return the files written.

    ``executed`` maps lesson numbers to notebooks already executed, which are used as they are.
    """
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        raise LessonInputError(f"Cannot write handouts to {str(out)!r} ({error.strerror or error}). "
                               "Give --out a folder you can write to, e.g. --out handouts.") from None
    can_print = pdf and Path(CHROMIUM).exists()
    if pdf and not can_print:
        print(f"PDF handouts skipped: {CHROMIUM} not found (Debian: apt-get install chromium). HTML only.")
    written = []
    outline = course_outline()
    with tempfile.TemporaryDirectory() as workdir:
        for row in outline.itertuples():
            if lessons is not None and row.number not in lessons:
                continue
            html_path = out / row.notebook.replace(".ipynb", ".html")
            title = f"Moscow and the Two Koreas · Lesson {row.number}: {row.title}"
            page = _html_for(row.number, title, Path(workdir), (executed or {}).get(row.number))
            html_path.write_text(page, encoding="utf-8")
            written.append(html_path)
            if can_print:
                pdf_path = html_path.with_suffix(".pdf")
                _print_pdf(html_path, pdf_path)
                written.append(pdf_path)
    return written

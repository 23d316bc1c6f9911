"""A source shown as a page to read whole: lesson 7's reconstructed text and its practice news item.

The page is styled like paper (a serif face, a light page with its own dark ink, so it reads the
same in JupyterLab's light and dark themes) under a label that says what it is, above the page
so that no one reads it first as the course's own account. Every piece of text is escaped.

>>> page = Facsimile("Read me", "Author: none given", [["A <b>claim</b> with US$3."]])
>>> "&lt;b&gt;claim&lt;/b&gt;" in page.html and "<b>claim</b>" not in page.html
True
>>> print(page)
Read me
Author: none given
<BLANKLINE>
A <b>claim</b> with US$3.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .markup import attr_text, html_text

__all__ = ["Facsimile", "PAGE_STYLE", "LABEL_STYLE"]

#: The page: its own background and ink (readable in dark themes too), a serif face, body size.
PAGE_STYLE = ("background:#fbf8ef;color:#1f1f1f;border:1px solid #b3a88c;box-shadow:3px 3px 0 #ddd3ba;"
              "padding:0.9em 1.4em;margin:0.3em 6px 0.6em 0;box-sizing:border-box;max-width:min(46em, 100%);"
              "font-family:Georgia,'Times New Roman',serif;font-size:var(--jp-content-font-size1, 14px);"
              "line-height:1.6;white-space:normal;overflow-wrap:anywhere")
#: The label above the page, in the course's body text.
LABEL_STYLE = ("font-family:var(--jp-content-font-family, sans-serif);font-size:var(--jp-content-font-size1, 14px);"
               "line-height:1.5;color:var(--jp-content-font-color1, inherit);"
               "box-sizing:border-box;max-width:min(46em, 100%);"
               "border-left:4px solid #b3541e;padding:0.2em 0 0.2em 0.6em")
_META_STYLE = "margin:0 0 0.7em;font-size:0.85em;color:#4d4d4d;font-family:sans-serif"
_TITLE_STYLE = "margin:0 0 0.3em;font-size:1.15em;font-weight:bold"
_MARK_STYLE = "color:#595959;font-family:sans-serif;font-size:0.7em;margin-right:0.15em"


@dataclass
class Facsimile:
    """A labelled page: ``label`` above it, ``meta`` (who, when, sources) at its top, then paragraphs.

    Each paragraph is a list of sentences; ``marks`` (optional, one per sentence in reading order)
    are small numbers before each sentence, so that a checker can name the sentence.
    """

    label: str
    meta: str
    paragraphs: list[list[str]]
    title: str = ""
    marks: list[str] = field(default_factory=list)

    @property
    def html(self) -> str:
        marks = iter(self.marks)
        body = []
        for sentences in self.paragraphs:
            parts = []
            for sentence in sentences:
                mark = next(marks, "")
                shown = (f'<sup style="{_MARK_STYLE}" aria-label="sentence {attr_text(mark)}">{html_text(mark)}</sup>'
                         if mark else "")
                parts.append(shown + html_text(sentence))
            body.append(f'<p style="margin:0 0 0.7em">{" ".join(parts)}</p>')
        title = f'<p style="{_TITLE_STYLE}">{html_text(self.title)}</p>' if self.title else ""
        return (f'<figure class="lessons-facsimile" style="margin:0.4em 0">'
                f'<figcaption style="{LABEL_STYLE}">{html_text(self.label)}</figcaption>'
                f'<div style="{PAGE_STYLE}">{title}<p style="{_META_STYLE}">{html_text(self.meta)}</p>'
                f'{"".join(body)}</div></figure>')

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        lines = [self.label, *([self.title] if self.title else []), self.meta, ""]
        return "\n".join(lines + [" ".join(p) for p in self.paragraphs])

    def __repr__(self) -> str:
        return str(self)

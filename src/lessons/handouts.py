"""Printable handouts: every lesson executed and saved as self-contained HTML, and as PDF.

Widgets need a live kernel, so in a handout each widget is replaced by a short note
("Interactive explorer: open the notebook to use it"); the static charts, their captions
and their alt text stay. Script tags that would fetch JavaScript from the network are
removed, so a handout opens offline. PDFs are printed by Debian's Chromium (headless);
without it only the HTML is built, and the reason is printed.
"""
from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from .course import course_outline, notebook_path

__all__ = ["build_handouts", "strip_widgets", "offline_html", "CHROMIUM"]

CHROMIUM = "/usr/bin/chromium"
WIDGET = "application/vnd.jupyter.widget-view+json"
NOTE = "<p><i>Interactive explorer: open the notebook in JupyterLab to use it.</i></p>"
PRINT_CSS = ("<style>@page { size: A4; margin: 15mm; } body { font-size: 11pt; } "
             ".jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; }</style>")


def question_on_paper(question_id: str) -> str:
    """A self-check question as printable HTML: prompt, options and a line to answer on.

    >>> "Answer:" in question_on_paper("1.2") and "b)" in question_on_paper("1.2")
    True
    """
    from .questions.bank import get

    q = get(question_id)
    lines = [f"<p><b>Question {q.id}.</b> {html.escape(q.prompt)}</p>"]
    if q.options:
        lines.append("<p>" + "<br>".join(f"({k}) {html.escape(t)}" for k, t in q.options.items()) + "</p>")
    if q.kind == "match":
        from .glossary_terms import term

        lines.append("<p>Terms: " + "; ".join(html.escape(term(t)["term"]) for t in q.items) + "</p>")
    lines.append("<p>Answer: ______________________________</p>")
    return "".join(lines)


def strip_widgets(nb: nbformat.NotebookNode) -> int:
    """Replace widget outputs: questions by their printable text, explorers by a short note.

    Returns how many outputs were replaced.
    """
    replaced = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        asked = re.search(r'lessons\.question\("([\d.]+)"\)', cell.source)
        for i, output in enumerate(cell.get("outputs", [])):
            if WIDGET in output.get("data", {}):
                shown = question_on_paper(asked[1]) if asked else NOTE
                cell.outputs[i] = nbformat.v4.new_output("display_data", data={"text/html": shown, "text/plain": ""})
                replaced += 1
    nb.metadata.pop("widgets", None)
    return replaced


def offline_html(html: str) -> str:
    """Drop script tags that load code from the network, and add print styles.

    >>> offline_html('<head><script src="https://cdn.example/x.js"></script></head>').startswith("<head><style>@page")
    True
    """
    html = re.sub(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>', "", html)
    html = html.replace("<details>", "<details open>")  # on paper, show each chart's text description
    return html.replace("</head>", PRINT_CSS + "</head>", 1)


def _html_for(number: int, workdir: Path) -> str:
    nb = nbformat.read(notebook_path(number), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    strip_widgets(nb)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True  # a handout is for reading: code stays in the notebook
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    return offline_html(body)


def _print_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)


def build_handouts(out: str | Path = "handouts", pdf: bool = True, lessons: list[int] | None = None) -> list[Path]:
    """Build the handouts of ``lessons`` (default: all) in ``out``; return the files written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
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
            html_path.write_text(_html_for(row.number, Path(workdir)), encoding="utf-8")
            written.append(html_path)
            if can_print:
                pdf_path = html_path.with_suffix(".pdf")
                _print_pdf(html_path, pdf_path)
                written.append(pdf_path)
    return written

"""The explorers' shared HTML: body-size text, charts with alt text that scroll instead of shrinking,
and short lists with the rest one click away.

Widget HTML is not styled by JupyterLab's rendered-HTML rules: without help it shows at the
widgets' 13 px with a 28 px line height, and ``widgets.Image`` has no alt text. Everything
here carries inline styles (they travel with the output into Voilà and exported HTML).

>>> short_table("<tr><th>A</th></tr>", [f"<tr><td>{i}</td></tr>" for i in range(20)], "rows").count("<table")
2
>>> "<details>" in short_table("", ["<tr><td>1</td></tr>"], "rows")
False
"""
from __future__ import annotations

import ipywidgets as widgets

from ..charts.chart import image_html
from ..markup import attr_text

__all__ = ["DATE_STYLE", "DATE_WIDTH", "BODY_STYLE", "CELL_STYLE", "HEAD_STYLE", "TABLE_STYLE", "MUTED_STYLE",
           "SHOWN_ROWS",
           "text_block", "chart_html", "short_table", "short_list", "scroll_box", "cell", "head", "wrapping_row",
           "wide"]

#: JupyterLab's body text (the Markdown cells' size and line height), with fallbacks outside JupyterLab.
BODY_STYLE = ("font-size:var(--jp-content-font-size1, 14px);line-height:var(--jp-content-line-height, 1.6);"
              "white-space:normal;overflow-wrap:anywhere;color:var(--jp-content-font-color1, inherit)")
MUTED_STYLE = "color:var(--jp-content-font-color2, #555)"
TABLE_STYLE = "border-collapse:collapse;width:100%;table-layout:fixed;margin:0.4em 0"
CELL_STYLE = ("text-align:left;vertical-align:top;white-space:normal;overflow-wrap:anywhere;"
              "padding:0.3em 0.5em;border-bottom:1px solid var(--jp-border-color2, #ccc)")
HEAD_STYLE = (CELL_STYLE + ";font-weight:bold;border-bottom:2px solid var(--jp-border-color1, #666);"
              "position:sticky;top:0;background:var(--jp-layout-color0, white)")
#: A date column: wide enough for "24–26 Aug 1945", wrapping only between words ("17 Sep –
#: 2 Oct 1988"), never inside one, so that a date cannot run into the next column.
DATE_WIDTH = "8.5em"
DATE_STYLE = "overflow-wrap:normal;word-break:normal"
#: Rows shown before "Show the other …": about a dozen keeps a lesson short.
SHOWN_ROWS = 12


def text_block(inner: str) -> str:
    """Wrap HTML in a block at JupyterLab's body size and line height.

    >>> text_block("Hello").startswith('<div class="lessons-text" style="font-size:var(--jp-content-font-size1')
    True
    """
    return f'<div class="lessons-text" style="{BODY_STYLE}">{inner}</div>'


def chart_html(png: bytes, alt: str, label: str = "Chart") -> str:
    """A chart image with alt text in a ``<figure>``, in a box that scrolls sideways on a narrow
    screen instead of shrinking the image (see :func:`lessons.charts.chart.image_html`).

    >>> from matplotlib.figure import Figure
    >>> from lessons.charts.chart import png_bytes
    >>> html = chart_html(png_bytes(Figure(figsize=(9, 4))), "Two lines")
    >>> html.startswith('<figure'), 'alt="Two lines"' in html
    (True, True)
    """
    return f'<figure class="lessons-chart" style="margin:0">{image_html(png, alt, label)}</figure>'


def cell(content: str, style: str = "") -> str:
    """A table cell with the wrapping, left-aligned style (``content`` must already be escaped)."""
    return f'<td style="{CELL_STYLE};{style}">{content}</td>'


def head(*columns: tuple[str, str]) -> str:
    """A header row and column widths: each column is (title, CSS width or '')."""
    cols = "".join(f'<col style="width:{w}"/>' if w else "<col/>" for _, w in columns)
    cells = "".join(f'<th scope="col" style="{HEAD_STYLE}">{title}</th>' for title, _ in columns)
    return f"<colgroup>{cols}</colgroup><thead><tr>{cells}</tr></thead>"


def short_table(header: str, rows: list[str], noun: str, shown: int = SHOWN_ROWS) -> str:
    """The first ``shown`` rows as a table; the others behind a "Show the other N …" switch.

    A few extra rows are not worth a click: up to ``shown + 3`` rows show in full. The two
    tables share ``header`` (with its column widths), so their columns line up.
    """
    def table(body: list[str]) -> str:
        return f'<table style="{TABLE_STYLE}">{header}<tbody>{"".join(body)}</tbody></table>'

    if len(rows) <= shown + 3:
        return table(rows)
    rest = rows[shown:]
    return (table(rows[:shown]) + f'<details><summary style="cursor:pointer;font-weight:bold">Show the other '
            f"{len(rest)} {noun}</summary>{table(rest)}</details>")


def scroll_box(inner: str, label: str) -> str:
    """A box about half a screen tall that scrolls: a long table that keeps the lesson short.

    It can take the keyboard focus (so it scrolls without a mouse) and is named for screen readers.

    >>> 'aria-label="Events"' in scroll_box("<table></table>", "Events")
    True
    """
    return (f'<div class="lessons-scroll" role="region" aria-label="{attr_text(label)}" tabindex="0" '
            f'style="max-height:min(34em, 60vh);overflow:auto;border:1px solid var(--jp-border-color2, #ccc);'
            f'margin:0.4em 0">{inner}</div>')


def short_list(items: list[str], noun: str, shown: int = SHOWN_ROWS) -> str:
    """``<li>`` items as a list: the first ``shown``, then the others behind "Show the other N …".

    >>> listed = short_list(["<li>a</li>"] * 20, "events")
    >>> listed.count("<li>"), "Show the other 8 events" in listed
    (20, True)
    """
    def listing(part: list[str]) -> str:
        return f'<ul style="padding-left:1.2em;margin:0">{"".join(part)}</ul>'

    if len(items) <= shown + 3:
        return listing(items)
    return (listing(items[:shown]) + f'<details><summary style="cursor:pointer;font-weight:bold">Show the other '
            f"{len(items) - shown} {noun}</summary>{listing(items[shown:])}</details>")


def wrapping_row(children, **layout) -> widgets.Box:
    """Controls side by side that wrap onto the next line when the screen is narrow."""
    return widgets.Box(list(children), layout=widgets.Layout(display="flex", flex_flow="row wrap",
                                                             align_items="center", width="100%", **layout))


def wide(max_width: str = "480px") -> widgets.Layout:
    """A control's layout: as wide as ``max_width``, narrower on a small screen, never cut off."""
    return widgets.Layout(width="100%", max_width=max_width)

"""A chart that always shows with its caption and a text description (alt text).

Jupyter renderers treat image alt text differently, so a :class:`Chart` puts the
description in three places: the PNG's ``alt`` metadata, the HTML ``<img alt>``,
and a visible, collapsible "Text description" under the caption that screen
readers and printed handouts keep.

matplotlib is imported where a figure is drawn, not at the top of this module: a lesson whose
charts are all kept (charts/render_cache.py) shows them without ever loading it.
"""
from __future__ import annotations

import base64
import io
import math
import struct

from ..errors import LessonInputError
from ..markup import attr_text, html_text
from ..validate import check_text, shown

__all__ = ["Chart", "png_bytes", "canvas_png", "png_size", "image_html", "SMALLEST_SCALE"]

#: Charts are drawn at 100 dpi with labels of 7-8 pt (about 10 px). Shown smaller than 80% of
#: their size those labels drop under 8 px and get hard to read: the image stops shrinking there
#: and its box scrolls sideways instead (an 800-px screen, a projector).
SMALLEST_SCALE = 0.8


def png_bytes(figure, fast: bool = False) -> bytes:
    """Render ``figure`` to PNG bytes in one Agg draw (no pyplot, no global state).

    ``savefig`` would draw a figure twice under a layout engine (once to lay it out, once to
    paint it), and ``bbox_inches="tight"`` would add a pass and let text stick out of the
    figure unnoticed; the layout engine runs inside this one draw, and every chart keeps its
    content inside its figure (tests/test_chart_layout.py). ``fast=True`` trades a few
    kilobytes of PNG size for quicker compression, for widgets that redraw on every change.

    >>> from matplotlib.figure import Figure
    >>> png_bytes(Figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas_png(canvas, level=1 if fast else 6)


def canvas_png(canvas, level: int = 1) -> bytes:
    """What ``canvas`` has drawn, as PNG bytes; compression ``level`` 1 (the default) is quick and a
    few kilobytes larger than 6, PIL's usual level.

    >>> from matplotlib.backends.backend_agg import FigureCanvasAgg
    >>> from matplotlib.figure import Figure
    >>> canvas = FigureCanvasAgg(Figure(figsize=(1, 1)))
    >>> canvas.draw()
    >>> canvas_png(canvas)[:4]
    b'\\x89PNG'
    """
    from PIL import Image

    buffer = io.BytesIO()
    Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
        buffer, format="png", compress_level=level)
    return buffer.getvalue()


#: On paper nothing scrolls: a printed handout fits each chart to the page width instead.
PRINT_STYLE = ("<style>@media print { .lessons-chart-scroll { overflow: visible !important; } "
               ".lessons-chart-scroll img { min-width: 0 !important; width: 100% !important; } }</style>")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from a PNG's header.

    >>> from matplotlib.figure import Figure
    >>> png_size(png_bytes(Figure(figsize=(2, 1), dpi=100)))
    (200, 100)
    """
    return struct.unpack(">II", png[16:24])


def image_html(png: bytes, alt: str, label: str = "Chart") -> str:
    """The PNG as an ``<img>`` with alt text, in a box that scrolls sideways rather than shrink it.

    The image fills the width available up to its natural size, but never gets narrower than
    :data:`SMALLEST_SCALE` of it. The box can take the keyboard focus, so it can be scrolled
    without a mouse.

    >>> from matplotlib.figure import Figure
    >>> html = image_html(png_bytes(Figure(figsize=(10, 4), dpi=100)), 'Lines "A" & B')
    >>> 'alt="Lines &quot;A&quot; &amp; B"' in html, "min-width:800px" in html, "overflow-x:auto" in html
    (True, True, True)
    """
    width, _ = png_size(png)
    data = base64.b64encode(png).decode("ascii")
    return (f'<div class="lessons-chart-scroll" role="region" aria-label="{attr_text(label)}" tabindex="0" '
            f'style="overflow-x:auto;max-width:100%">'
            f'<img src="data:image/png;base64,{data}" alt="{attr_text(alt)}" '
            f'style="display:block;width:100%;max-width:{width}px;min-width:{math.ceil(width * SMALLEST_SCALE)}px;'
            f'height:auto"/></div>')


class Chart:
    """A matplotlib figure with the caption and alt text it is shown with.

    >>> from matplotlib.figure import Figure
    >>> chart = Chart(Figure(figsize=(1, 1)), caption="Empty.", alt="An empty square.")
    >>> "alt=" in chart.html()
    True
    """

    def __init__(self, figure, caption: str, alt: str):
        from matplotlib.figure import Figure  # cheap here: whoever made a figure has loaded matplotlib

        if not isinstance(figure, Figure):
            raise LessonInputError(f"figure must be a matplotlib Figure; got {shown(figure)}. "
                                   "Allowed: a matplotlib.figure.Figure.")
        check_text(caption, "caption", empty=False, example="'Trade, 1950–2014.'")
        check_text(alt, "alt", empty=False, example="'Line chart of ...'")
        self._figure, self.caption, self.alt = figure, caption, alt
        self._png: bytes | None = None  # the image as rendered, kept only while nobody has the figure
        self._build = None

    @classmethod
    def rendered(cls, caption: str, alt: str, png: bytes, build) -> Chart:
        """A chart known by its rendered image; ``build()`` makes the same chart again if its figure
        is asked for.

        >>> from matplotlib.figure import Figure
        >>> png = png_bytes(Figure(figsize=(1, 1)))
        >>> chart = Chart.rendered("Empty.", "An empty square.", png, lambda: Chart(Figure(), "Empty.", "Empty."))
        >>> chart.png() == png, type(chart.figure).__name__
        (True, 'Figure')
        """
        chart = cls.__new__(cls)
        chart._figure, chart.caption, chart.alt, chart._png, chart._build = None, caption, alt, png, build
        return chart

    @property
    def figure(self):
        """The matplotlib figure (drawn again on the next display: whoever has it may change it)."""
        if self._figure is None:
            self._figure = self._build().figure
        self._png = None
        return self._figure

    def __repr__(self) -> str:
        return f"Chart(caption={self.caption!r})"

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return self._png if self._png is not None else png_bytes(self.figure)

    def save(self, path) -> None:
        """Write the chart to ``path`` (PNG, SVG or PDF by the file's extension)."""
        self.figure.savefig(path, bbox_inches="tight")

    def html(self, png: bytes | None = None) -> str:
        """A self-contained ``<figure>`` with the image, its alt text and the caption."""
        return (
            f'{PRINT_STYLE}<figure style="margin:0">'
            f'{image_html(png or self.png(), self.alt, label="Chart: " + self.caption[:80])}'
            f"<figcaption>{self._caption_html()}</figcaption></figure>"
        )

    def _caption_html(self) -> str:
        return (
            f"<b>Figure.</b> {html_text(self.caption)}"
            f"<details><summary>Text description</summary>{html_text(self.alt)}</details>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        """HTML (image with alt, caption, description) for JupyterLab and HTML handouts;
        PNG with ``alt`` metadata and plain text for every other front end."""
        png = self.png()
        data = base64.b64encode(png).decode("ascii")
        bundle = {"text/html": self.html(png), "image/png": data, "text/plain": f"Chart: {self.caption}"}
        return bundle, {"image/png": {"alt": self.alt}}

"""A chart that always shows with its caption and a text description (alt text).

Jupyter renderers treat image alt text differently, so a :class:`Chart` puts the
description in three places: the PNG's ``alt`` metadata, the HTML ``<img alt>``,
and a visible, collapsible "Text description" under the caption that screen
readers and printed handouts keep.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from matplotlib.figure import Figure

from ..markup import attr_text, html_text

__all__ = ["Chart", "png_bytes"]


def png_bytes(figure: Figure, tight: bool = True, fast: bool = False) -> bytes:
    """Render ``figure`` to PNG bytes (no pyplot, no global state).

    ``tight=False`` skips the extra layout pass of ``bbox_inches="tight"``: right for
    figures with a fixed layout that are redrawn often. ``fast=True`` trades a few
    kilobytes of PNG size for quicker compression, for widgets that redraw on every change.

    >>> png_bytes(Figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    if fast and not tight:
        # One Agg draw and a light PNG compression: savefig would draw twice under a layout engine.
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
            buffer, format="png", compress_level=1)
        return buffer.getvalue()
    figure.savefig(buffer, format="png", bbox_inches="tight" if tight else None)
    return buffer.getvalue()


@dataclass
class Chart:
    """A matplotlib figure with the caption and alt text it is shown with.

    >>> chart = Chart(Figure(figsize=(1, 1)), caption="Empty.", alt="An empty square.")
    >>> "alt=" in chart.html()
    True
    """

    figure: Figure
    caption: str
    alt: str

    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return png_bytes(self.figure)

    def save(self, path) -> None:
        """Write the chart to ``path`` (PNG, SVG or PDF by the file's extension)."""
        self.figure.savefig(path, bbox_inches="tight")

    def html(self, data: str | None = None) -> str:
        """A self-contained ``<figure>`` with the image, its alt text and the caption."""
        data = data or base64.b64encode(self.png()).decode("ascii")
        return (
            f'<figure style="margin:0"><img src="data:image/png;base64,{data}" '
            f'alt="{attr_text(self.alt)}" style="max-width:100%"/>'
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
        data = base64.b64encode(self.png()).decode("ascii")
        bundle = {"text/html": self.html(data), "image/png": data, "text/plain": f"Chart: {self.caption}"}
        return bundle, {"image/png": {"alt": self.alt}}

"""The course's chart functions as students call them: each looks in the render cache first.

``lessons.division_map()`` is :data:`division_map` here, a :class:`KeptChart`. A call whose image is
kept (:mod:`lessons.charts.render_cache`) is shown from it, and the module that draws the chart,
with matplotlib, is not even imported; otherwise the drawing function is called, its chart rendered
at once (it is about to be shown, and what is kept is the chart as drawn, before anyone could change
its figure) and kept. Help, signature and doctests are the drawing function's.

>>> chart = KeptChart("division_map")
>>> chart.drawing().__name__, chart.__module__
('division_map', 'lessons.charts.kept')
>>> "38th parallel" in chart.__doc__
True
"""
from __future__ import annotations

import copy
import importlib
import inspect

from . import render_cache
from .chart import Chart

#: Each chart function students call, and the module (in lessons.charts) that draws it.
DRAWN_IN = {
    "overview_chart": "overview", "division_map": "division_map", "timeline_chart": "timeline",
    "lanes_chart": "lanes", "air_war_chart": "stated_figure_charts", "aid_chart": "stated_figure_charts",
    "trade_turn_chart": "stated_figure_charts", "loan_chart": "stated_figure_charts",
    "rok_russia_trade_chart": "stated_figure_charts", "trade_chart": "trade_chart",
    "smoothing_chart": "trade_chart", "diplomatic_chart": "diplomatic_chart", "claims_chart": "claims_chart",
}

__all__ = ["KeptChart", "DRAWN_IN", *DRAWN_IN]


class KeptChart:
    """A chart function of the course that shows a kept image when there is one."""

    def __init__(self, name: str):
        self.__name__ = self.__qualname__ = name
        self.__module__ = __name__

    def drawing(self):
        """The function that draws this chart (its module is imported now, with matplotlib)."""
        module = importlib.import_module(f"{__package__}.{DRAWN_IN[self.__name__]}")
        return getattr(module, self.__name__)

    def __call__(self, *args, **kwargs) -> Chart:
        key = render_cache.call_key(self.__name__, args, kwargs) if render_cache.cache_dirs() else None
        if key is None:  # nowhere to keep it, or not a call that can be kept: drawn when shown, as usual
            return self.drawing()(*args, **kwargs)
        found = render_cache.read(key)
        if found:
            args, kwargs = copy.deepcopy((args, kwargs))  # drawn later from the values the key was made of
            return Chart.rendered(*found, build=lambda: self.drawing()(*args, **kwargs))
        chart = self.drawing()(*args, **kwargs)
        png = chart.png()
        render_cache.write(key, chart.caption, chart.alt, png)
        chart._png = png
        return chart

    # What help(), "?" and the signature hints in JupyterLab show: the drawing function's.
    @property
    def __doc__(self):
        return self.drawing().__doc__

    @property
    def __signature__(self):
        return inspect.signature(self.drawing())

    def __repr__(self) -> str:
        return f"<chart function lessons.{self.__name__}>"


def __getattr__(name: str) -> KeptChart:
    """``kept.division_map`` and the like: one :class:`KeptChart` per name in :data:`DRAWN_IN`
    (``lessons`` binds the first one it gets)."""
    if name in DRAWN_IN:
        return KeptChart(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

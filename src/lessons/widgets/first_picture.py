"""An explorer's first picture from the render cache; its plot is made when it is first needed.

An explorer draws its chart once when a lesson runs, before a student touches it, and that first
picture is the same for every student: the lesson's call fixes the controls. Kept in the render
cache (:mod:`lessons.charts.render_cache`, prerendered by the set-up), it is shown without making
the explorer's matplotlib figure at all; the figure is made, and the current controls drawn on it,
on the first change or whenever code asks for ``plot``. Explorers' pictures depend on their controls
only, never on what was drawn before (tests/test_chart_layout.py, tests/test_trade.py), so a kept
first picture is the one the explorer would draw.
"""
from __future__ import annotations

from ..charts.render_cache import kept_png, state_key

__all__ = ["KeepsFirstPicture", "FIRST_PICTURE_EXPLORERS"]

#: The lesson functions whose explorers keep their first picture (tests check this list is whole),
#: so that ``python -m lessons prerender`` draws them as the set-up runs.
FIRST_PICTURE_EXPLORERS = ("timeline_explorer", "trade_explorer", "war_phases")


class KeepsFirstPicture:
    """Mixin: subclasses define ``_new_plot()``, ``_draw(plot)`` (draw the current controls on it)
    and ``_state()`` (the controls, as plain values)."""

    _plot = None
    _shown_first = False

    @property
    def plot(self):
        """The explorer's reusable plot, made (and the current controls drawn on it) on first use."""
        if self._plot is None:
            self._plot = self._new_plot()
            self._draw(self._plot)
        return self._plot

    def _picture_name(self) -> str:
        return f"{type(self).__module__}.{type(self).__qualname__}"

    def first_picture_key(self) -> str | None:
        """The render cache's key of the picture this explorer shows first (None: not keepable)."""
        return state_key(self._picture_name(), self._state())

    def picture(self) -> bytes:
        """The chart for the current controls, as PNG; the first one from the render cache if kept."""
        if not self._shown_first:  # the lesson's own call: the same for every student
            self._shown_first = True
            return kept_png(self._picture_name(), self._state(), lambda: self.plot.png())
        if self._plot is None:  # the first picture was kept: made now, with the current controls drawn
            return self.plot.png()
        self._draw(self._plot)
        return self._plot.png()

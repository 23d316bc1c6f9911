"""Explore the Correlates of War trade data: pairs, years, flow and scale.

>>> explorer = TradeExplorer()
>>> explorer.years.value = (1985, 1995)
>>> "1981–1991" in explorer.note.value or "1985–1991" in explorer.note.value
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets
from matplotlib.figure import Figure

from ..charts.figure import png_bytes
from ..charts.trade_chart import FLOW_LABELS, SCALES, draw_trade, missing_runs
from ..charts.style import course_style
from ..errors import LessonInputError
from ..trade import FLOWS, TRADE_YEARS, trade_pairs, trade_series

__all__ = ["TradeExplorer", "trade_explorer"]


class TradeExplorer:
    """Pair checkboxes, a year-range slider, flow and scale buttons, and the chart."""

    def __init__(self, pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=TRADE_YEARS):
        self.pairs = {p: widgets.Checkbox(value=p in pairs, description=p, indent=False,
                                          layout=widgets.Layout(width="170px")) for p in trade_pairs()}
        self.years = widgets.IntRangeSlider(value=years, min=TRADE_YEARS[0], max=TRADE_YEARS[1],
                                            description="Years", continuous_update=False,
                                            layout=widgets.Layout(width="480px"))
        self.flow = widgets.ToggleButtons(options=FLOWS, value="total", description="Flow")
        self.scale = widgets.ToggleButtons(options=SCALES, value="linear", description="Scale")
        self.smoothed = widgets.Checkbox(value=False, description="COW smoothed values")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.note = widgets.HTML()
        with course_style():
            # Fixed margins instead of a layout engine: re-solving the layout on every redraw
            # costs a third of the redraw, and the margins fit the widest labels this chart has.
            self.figure = Figure(figsize=(9, 4.2))
            self.figure.subplots_adjust(left=0.1, right=0.98, top=0.92, bottom=0.12)
            self.ax = self.figure.add_subplot()
        for control in (*self.pairs.values(), self.years, self.flow, self.scale, self.smoothed):
            control.observe(self.update, names="value")
        boxes = widgets.GridBox(list(self.pairs.values()),
                                layout=widgets.Layout(grid_template_columns="repeat(4, 175px)"))
        self.widget = widgets.VBox([boxes, self.years, self.flow, widgets.HBox([self.scale, self.smoothed]),
                                    self.chart, self.note])
        self.series = None
        self.update()

    def chosen(self) -> list[str]:
        """The pairs ticked now."""
        return [p for p, box in self.pairs.items() if box.value]

    def update(self, change=None) -> None:
        """Redraw for the current controls; say which years are missing reports."""
        if not self.chosen():
            self.note.value = "<b>Tick at least one pair.</b>"
            return
        try:
            self.series = trade_series(self.chosen(), self.years.value, self.flow.value, self.smoothed.value)
        except LessonInputError as error:
            self.note.value = f"<b>Check the controls:</b> {html.escape(str(error))}"
            return
        with course_style():
            self.ax.clear()
            draw_trade(self.ax, self.series, self.scale.value)
            first, last = self.years.value
            self.ax.set_title(f"{first}–{last}: {FLOW_LABELS[self.flow.value]}", loc="left")
        self.chart.value = png_bytes(self.figure, tight=False, fast=True)
        gaps, topics = [], []
        for pair, rows in self.series.groupby("pair"):
            runs = missing_runs(rows.loc[rows["missing_report"], "year"].tolist())
            if runs:
                gaps.append(f"{html.escape(pair)}: " + ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in runs))
                topics.append("soviet-dprk-trade" if pair.endswith("DPRK") else "rok-ussr-trade")
        look_up = " and ".join(f'lessons.figures(topic="{t}")' for t in dict.fromkeys(topics))
        self.note.value = (f"<b>Zero in the data, not zero trade:</b> COW shows 0 for {'; '.join(gaps)}. "
                           f"Compare the figures the sources give: {look_up}."
                           if gaps else "Source: Correlates of War Trade Data Set 4.0, current US$ millions.")

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def trade_explorer(pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=TRADE_YEARS) -> TradeExplorer:
    """Build a :class:`TradeExplorer`; show it by making it a cell's last line."""
    return TradeExplorer(pairs, years)

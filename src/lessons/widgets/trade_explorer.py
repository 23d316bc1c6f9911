"""Explore the Correlates of War trade data: pairs, years, flow and scale.

>>> explorer = TradeExplorer()
>>> explorer.years.value = (1985, 1995)
>>> "1985–1991" in explorer.note.value
True
"""
from __future__ import annotations

import ipywidgets as widgets

from ..charts.trade_text import FLOW_LABELS, SCALES, check_pairs, check_trade_years, missing_runs, trade_alt_text
from ..display import ShowsWidget
from ..errors import LessonInputError
from ..markup import html_text
from ..trade import FLOWS, TRADE_YEARS, trade_pairs, trade_series
from .first_picture import KeepsFirstPicture
from .layout import chart_html, text_block, wide, wrapping_row

__all__ = ["TradeExplorer", "trade_explorer"]

LEGEND_COLUMNS = 3


class TradeExplorer(KeepsFirstPicture, ShowsWidget):
    """Pair checkboxes, a year-range slider, flow and scale buttons, and the chart."""

    def __init__(self, pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=TRADE_YEARS):
        chosen = check_pairs(pairs)
        years = check_trade_years(years)
        self.pairs = {p: widgets.Checkbox(value=p in chosen, description=p, indent=False,
                                          layout=widgets.Layout(width="auto")) for p in trade_pairs()}
        self.years = widgets.IntRangeSlider(value=years, min=TRADE_YEARS[0], max=TRADE_YEARS[1],
                                            description="Years", continuous_update=False, layout=wide())
        self.flow = widgets.ToggleButtons(options=FLOWS, value="total", description="Flow",
                                          style={"button_width": "auto"})
        self.scale = widgets.ToggleButtons(options=SCALES, value="linear", description="Scale",
                                           style={"button_width": "auto"})
        self.smoothed = widgets.Checkbox(value=False, description="COW smoothed values", indent=False,
                                         layout=widgets.Layout(width="auto"))
        self.chart = widgets.HTML()
        self.note = widgets.HTML()
        for control in (*self.pairs.values(), self.years, self.flow, self.scale, self.smoothed):
            control.observe(self.update, names="value")
        # Four columns (each power's DPRK and ROK pairs side by side) on a wide screen, two at 800 px.
        boxes = widgets.GridBox(list(self.pairs.values()), layout=widgets.Layout(
            grid_template_columns="repeat(auto-fill, minmax(max(16em, 24%), 1fr))", width="100%"))
        self.widget = widgets.VBox([boxes, wrapping_row([self.years]), wrapping_row([self.flow]),
                                    wrapping_row([self.scale, self.smoothed]), self.chart, self.note],
                                   layout=widgets.Layout(width="100%"))
        self.series = None
        self.update()

    def chosen(self) -> list[str]:
        """The pairs ticked now."""
        return [p for p, box in self.pairs.items() if box.value]

    def update(self, change=None) -> None:
        """Redraw for the current controls; say which years are missing reports."""
        if not self.chosen():
            self.note.value = text_block("<b>Tick at least one pair.</b>")
            return
        try:
            self.series = trade_series(self.chosen(), self.years.value, self.flow.value, self.smoothed.value)
        except LessonInputError as error:
            self.note.value = text_block(f"<b>Check the controls:</b> {html_text(error)}")
            return
        first, last = self.years.value
        self.chart.value = chart_html(self.picture(),
                                      trade_alt_text(self.series, self.flow.value, self.scale.value),
                                      label=f"Trade chart, {first}–{last}")
        gaps, topics = [], []
        for pair, rows in self.series.groupby("pair"):
            runs = missing_runs(rows.loc[rows["missing_report"], "year"].tolist())
            if runs:
                gaps.append(f"{html_text(pair)}: " + ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in runs))
                topics.append("soviet-dprk-trade" if pair.endswith("DPRK") else "rok-ussr-trade")
        look_up = " and ".join(f'<code>lessons.figures(topic="{t}")</code>' for t in dict.fromkeys(topics))
        self.note.value = text_block(
            f"<b>Zero in the data, not zero trade:</b> COW shows 0 for {'; '.join(gaps)}. "
            f"Compare the figures the sources give: {look_up}."
            if gaps else html_text("Source: Correlates of War Trade Data Set 4.0, current US$ millions."))

    # One figure for the explorer's life (made on first use): each change moves its lines instead of
    # redrawing it.
    def _new_plot(self):
        from ..charts.trade_chart import TradePlot  # matplotlib loads here, not when the first picture was kept

        return TradePlot(columns=LEGEND_COLUMNS)

    def _draw(self, plot) -> None:
        if self.series is None:  # nothing valid chosen yet: the plot stays empty
            return
        first, last = self.years.value
        plot.draw(self.series, self.scale.value, (first, last), f"{first}–{last}: {FLOW_LABELS[self.flow.value]}")

    def _state(self) -> dict:
        return {"pairs": self.chosen(), "years": self.years.value, "flow": self.flow.value,
                "scale": self.scale.value, "smoothed": self.smoothed.value}

    @property
    def figure(self):
        """The explorer's matplotlib figure."""
        return self.plot.figure

    @property
    def ax(self):
        """The axes its lines are drawn on."""
        return self.plot.ax


def trade_explorer(pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=TRADE_YEARS) -> TradeExplorer:
    """Build a :class:`TradeExplorer`; show it by making it a cell's last line.

    ``pairs``: one or more of ``lessons.trade_pairs()`` (each once); ``years``: a pair
    (first, last) within 1950–2014.
    """
    return TradeExplorer(pairs, years)

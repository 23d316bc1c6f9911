"""Trade lines from the Correlates of War data, with missing reports shown as gaps, never zeros.

Colour is the power (USSR/Russia, China, USA, Japan); line style is the Korea (solid
DPRK, dashed ROK). Where COW's 0 is a known missing report, the line breaks and a
hatched strip along the bottom marks the years, in the pair's colour.
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ..errors import unknown
from ..trade import trade_series
from .figure import Chart
from .style import OKABE_ITO, course_style

__all__ = ["trade_chart", "draw_trade", "missing_runs", "smoothing_chart", "SCALES"]

SCALES = ("linear", "log")
POWER_COLOURS = {"USSR/Russia": OKABE_ITO["vermillion"], "PRC": OKABE_ITO["orange"], "USA": OKABE_ITO["blue"],
                 "JPN": OKABE_ITO["bluish green"]}
KOREA_STYLES = {"DPRK": "-", "ROK": "--"}
FLOW_LABELS = {"total": "total trade (both directions)", "exports": "the power's exports to the Korea",
               "imports": "the power's imports from the Korea"}


def missing_runs(years) -> list[tuple[int, int]]:
    """Consecutive runs in a sorted list of years.

    >>> missing_runs([1955, 1956, 1957, 1960, 1981, 1982])
    [(1955, 1957), (1960, 1960), (1981, 1982)]
    """
    runs = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _alt(series: pd.DataFrame, flow: str, scale: str) -> str:
    parts = []
    for pair, rows in series.groupby("pair", sort=False):
        known = rows.dropna(subset=["value"])
        text = f"{pair}: no values" if known.empty else (
            f"{pair}: from {known['value'].iloc[0]:,.0f} in {known['year'].iloc[0]} to "
            f"{known['value'].iloc[-1]:,.0f} in {known['year'].iloc[-1]}, highest {known['value'].max():,.0f} "
            f"in {known.loc[known['value'].idxmax(), 'year']}")
        gaps = missing_runs(rows.loc[rows["missing_report"], "year"].tolist())
        if gaps:
            text += "; no report (COW shows 0) in " + ", ".join(f"{a}–{b}" if a != b else f"{a}" for a, b in gaps)
        parts.append(text)
    return (f"Line chart of {FLOW_LABELS[flow]}, in current US$ millions ({scale} scale), Correlates of War data. "
            + ". ".join(parts) + ".")


def draw_trade(ax, series: pd.DataFrame, scale: str = "linear") -> None:
    """Draw the lines and missing-report strips of ``series`` on ``ax``."""
    pairs = list(dict.fromkeys(series["pair"]))
    for i, pair in enumerate(pairs):
        power, korea = pair.split("–")
        rows = series[series["pair"] == pair].set_index("year")["value"]
        full = rows.reindex(range(rows.index.min(), rows.index.max() + 1))  # absent years become gaps
        values = full.where(full > 0) if scale == "log" else full
        ax.plot(values.index, values.to_numpy(dtype=float), color=POWER_COLOURS[power],
                linestyle=KOREA_STYLES[korea], linewidth=2, marker="o", markersize=2.5, label=pair)
        flagged = series[(series["pair"] == pair) & series["missing_report"]]["year"].tolist()
        for first, last in missing_runs(flagged):
            ax.axvspan(first - 0.5, last + 0.5, ymin=0.01 + 0.05 * i, ymax=0.05 + 0.05 * i,
                       facecolor="none", edgecolor=POWER_COLOURS[power], hatch="////", linewidth=0.8)
    ax.set_yscale(scale)
    if scale == "linear":
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel("Year")
    ax.set_ylabel("current US$ millions")
    ax.grid(color="#DDDDDD", linewidth=0.6)
    handles, _ = ax.get_legend_handles_labels()
    if series["missing_report"].any():
        handles.append(Patch(facecolor="none", edgecolor="#333333", hatch="////",
                             label="COW shows 0, but trade took place"))
    ax.legend(handles=handles, fontsize=8, loc="upper left")


def trade_chart(pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=None, flow: str = "total",
                scale: str = "linear", smoothed: bool = False) -> Chart:
    """Trade of the given pairs, years and flow, on a linear or log scale.

    >>> chart = trade_chart(years=(1980, 1995))
    >>> "no report (COW shows 0) in 1981–1991" in chart.alt
    True
    >>> trade_chart(scale="logarithmic")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown scale 'logarithmic'. Did you mean 'log'? ...
    """
    if scale not in SCALES:
        raise unknown("scale", scale, SCALES)
    series = trade_series(pairs, years, flow, smoothed)
    first, last = int(series["year"].min()), int(series["year"].max())
    with course_style():
        fig = Figure(figsize=(9, 4.5), layout="constrained")
        ax = fig.add_subplot()
        draw_trade(ax, series, scale)
        ax.set_title(f"Trade with the two Koreas, {first}–{last}: {FLOW_LABELS[flow]}"
                     + (" (COW smoothed)" if smoothed else ""), loc="left")
        ax.text(1.0, -0.16, "Source: Correlates of War Trade Data Set 4.0 (Barbieri and Keshk 2016).",
                transform=ax.transAxes, ha="right", fontsize=7, color="#555555")
    caption = ("Lines break where there is no value. A hatched strip marks years where COW records 0 although "
               "contemporary sources show trade: the USSR did not report to the statistics COW relies on (nor, for "
               "its trade with Moscow, did the DPRK)."
               + (" On a log scale, years of zero trade cannot be drawn either." if scale == "log" else ""))
    return Chart(fig, caption=caption, alt=_alt(series, flow, scale))


def smoothing_chart(pair: str = "USSR/Russia–DPRK", years=(1992, 2005)) -> Chart:
    """COW's reported and smoothed values side by side, to show what smoothing does to a one-year spike.

    >>> "1996" in smoothing_chart().alt
    True
    """
    raw = trade_series(pair, years)
    smooth = trade_series(pair, years, smoothed=True)
    with course_style():
        fig = Figure(figsize=(9, 4), layout="constrained")
        ax = fig.add_subplot()
        ax.plot(raw["year"], raw["value"], color=OKABE_ITO["vermillion"], linewidth=2, marker="o", label="as reported")
        ax.plot(smooth["year"], smooth["value"], color=OKABE_ITO["blue"], linewidth=2, linestyle="--", marker="s",
                label="COW smoothed")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel("Year")
        ax.set_ylabel("current US$ millions")
        ax.grid(color="#DDDDDD", linewidth=0.6)
        ax.legend(fontsize=8)
        ax.set_title(f"{pair}: total trade as reported and as smoothed by COW", loc="left")
    diff = raw.merge(smooth, on="year", suffixes=("_raw", "_smooth"))
    diff = diff[(diff["value_raw"] - diff["value_smooth"]).abs() > 0]
    plural = "s" if len(diff) != 1 else ""
    changes = "; ".join(f"{int(r.year)}: {r.value_raw:,.0f} reported, {r.value_smooth:,.0f} smoothed"
                        for r in diff.itertuples())
    alt = (f"Two lines for {pair} total trade, {years[0]}–{years[1]}, in current US$ millions: as reported and as "
           f"smoothed by the Correlates of War team. They differ in {len(diff)} year{plural}: {changes}.")
    caption = ("COW replaces values its team judged to be spikes or dips with smoothed ones. Which series to use is "
               "a choice: say which one a chart shows.")
    return Chart(fig, caption=caption, alt=alt)

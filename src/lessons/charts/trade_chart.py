"""Trade lines from the Correlates of War data, with missing reports shown as gaps, never zeros.

Each pair has its own colour and marker (:data:`PAIR_STYLES`), and the line style
repeats the Korea (solid DPRK, dashed ROK), so no pair relies on colour alone. Where
COW's 0 is a known missing report, the line breaks and a hatched strip along the
bottom marks the years, in the pair's colour. Where sources state figures for those
years, :func:`trade_chart` draws them too: dollar figures as hollow markers on the
COW axis, rouble figures in a panel of their own (roubles are never converted).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..errors import LessonInputError
from ..stated_figures import figures
from ..trade import FLOWS, pair_of, trade_pairs, trade_series
from ..validate import check_choice, check_flag, shown
from .chart import Chart, canvas_png
from .style import OKABE_ITO, course_style, whole_years
from .trade_text import FLOW_LABELS, SCALES, _runs_text, check_pairs, check_trade_years, missing_runs, trade_alt_text

__all__ = ["trade_chart", "draw_trade", "TradePlot", "draw_stated_roubles", "stated_trade", "missing_runs",
           "smoothing_chart", "check_pairs", "SCALES", "PAIR_STYLES", "FLOW_LABELS"]

# One colour and marker per pair. Chosen so that the pairs a lesson compares (Moscow's and
# Beijing's trade with the same Korea; Moscow's with North and with South) stay far apart
# under the common colour-vision deficiencies (tests/test_chart_layout.py measures it).
PAIR_STYLES = {
    "USSR/Russia–DPRK": (OKABE_ITO["vermillion"], "o"), "USSR/Russia–ROK": (OKABE_ITO["blue"], "s"),
    "PRC–DPRK": (OKABE_ITO["bluish green"], "^"), "PRC–ROK": (OKABE_ITO["orange"], "v"),
    "USA–DPRK": (OKABE_ITO["black"], "D"), "USA–ROK": ("#7F7F7F", "P"),
    "JPN–DPRK": (OKABE_ITO["reddish purple"], "X"), "JPN–ROK": (OKABE_ITO["sky blue"], "*"),
}
KOREA_STYLES = {"DPRK": "-", "ROK": "--"}
# Which topic of lessons.figures() states each pair's trade.
STATED_TOPICS = {"USSR/Russia–DPRK": "soviet-dprk-trade", "USSR/Russia–ROK": "rok-ussr-trade"}
ROUBLES, DOLLARS = "million roubles", "million US$"


def stated_trade(pairs, first: int, last: int) -> pd.DataFrame:
    """Total-trade figures that sources state for ``pairs`` in ``first``..``last``, with their pair.

    >>> rows = stated_trade(["USSR/Russia–DPRK"], 1985, 1991)
    >>> sorted(set(rows["unit"])), int(rows["year_start"].min())
    (['million roubles'], 1985)
    """
    parts = []
    for pair in pairs:
        if pair not in STATED_TOPICS:
            continue
        rows = figures(topic=STATED_TOPICS[pair], measure="total-trade")
        rows = rows[(rows["year_start"] <= last) & (rows["year_end"] >= first)
                    & rows["unit"].isin([ROUBLES, DOLLARS])]
        parts.append(rows.assign(pair=pair))
    if not parts:
        return pd.DataFrame(columns=["pair", "year_start", "year_end", "value", "value_high", "unit", "as_stated",
                                     "reference"])
    return pd.concat(parts, ignore_index=True).sort_values(["pair", "year_start", "year_end"]).reset_index(drop=True)


#: How every trade line is drawn, beside its pair's colour, marker and Korea's line style.
LINE_STYLE = {"linewidth": 2, "markersize": 5, "markeredgecolor": "black", "markeredgewidth": 0.4}
MISSING_LABEL = "COW shows 0, but trade took place"


def _line_style(pair: str) -> dict:
    colour, marker = PAIR_STYLES[pair]
    return {"color": colour, "linestyle": KOREA_STYLES[pair.split("–")[1]], "marker": marker, "label": pair,
            **LINE_STYLE}


def _line_data(rows: pd.DataFrame, scale: str) -> tuple[np.ndarray, np.ndarray]:
    """One pair's years and values, every year in its range present (absent years become gaps);
    on a log scale zero is a gap too."""
    years = rows["year"].to_numpy(dtype=np.int64)
    span = np.arange(years.min(), years.max() + 1)
    values = np.full(len(span), np.nan)
    values[years - span[0]] = rows["value"].to_numpy(dtype=float, na_value=np.nan)
    if scale == "log":
        values[~(values > 0)] = np.nan
    return span.astype(float), values


def _strips(ax, rows: pd.DataFrame, pair: str, i: int) -> list:
    """Hatched strips along the bottom (row ``i``) where COW's 0 is a missing report."""
    colour, _ = PAIR_STYLES[pair]
    return [ax.axvspan(first - 0.5, last + 0.5, ymin=0.01 + 0.05 * i, ymax=0.05 + 0.05 * i, facecolor="none",
                       edgecolor=colour, hatch="////", linewidth=0.8)
            for first, last in missing_runs(rows.loc[rows["missing_report"], "year"].tolist())]


def _format_values(ax, series: pd.DataFrame, scale: str) -> None:
    """Tick labels of the value axis, once its scale is set."""
    if scale == "log":  # 100, 1,000 rather than 10^2, 10^3: a student reads the number, not the power
        positive = series.loc[series["value"] > 0, "value"]
        decades = np.log10(positive.max() / positive.min()) if len(positive) else 0
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0,) if decades > 3 else (1.0, 2.0, 5.0), numticks=12))
        ax.yaxis.set_minor_formatter(NullFormatter())
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))


def _empty_note(groups) -> str:
    """A pair with nothing to draw must not simply vanish from the chart: say so on it."""
    return "\n".join(f"{pair}: no COW value to draw in these years" for pair, rows in groups
                     if rows["value"].isna().all())


def _legend(ax, handles: list, missing: bool, legend: str, columns: int) -> None:
    if missing:
        handles = [*handles, Patch(facecolor="none", edgecolor="#333333", hatch="////", label=MISSING_LABEL)]
    if legend == "above":
        ax.legend(handles=handles, fontsize=8, loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False,
                  ncol=min(columns, len(handles)), borderaxespad=0.2)
    else:
        ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  borderaxespad=0.0)


def _label_axes(ax) -> None:
    whole_years(ax.xaxis)
    ax.set_xlabel("Year")
    ax.set_ylabel("current US$ millions")
    ax.grid(color="#DDDDDD", linewidth=0.6)


def draw_trade(ax, series: pd.DataFrame, scale: str = "linear", stated: pd.DataFrame | None = None,
               legend: str = "above", columns: int = 2) -> None:
    """Draw the lines and missing-report strips of ``series`` on ``ax``.

    ``stated`` (dollar rows of :func:`stated_trade`) adds the sources' figures as hollow
    markers in the pair's colour. The legend goes outside the axes, ``"above"`` them (in
    ``columns`` columns) or ``"right"`` of them, so that it never hides a line (on a log scale
    the lines fill the upper corners).
    """
    groups = list(series.groupby("pair", sort=False))
    for i, (pair, rows) in enumerate(groups):
        ax.plot(*_line_data(rows, scale), **_line_style(pair))
        _strips(ax, rows, pair, i)
    if stated is not None:
        for pair, rows in stated.groupby("pair", sort=False):
            colour, _ = PAIR_STYLES[pair]
            ax.scatter(rows["year_start"], rows["value"], marker="D", s=42, facecolors="white", edgecolors=colour,
                       linewidths=1.8, zorder=4, label=f"{pair}: figures stated by sources")
    ax.set_yscale(scale)
    _format_values(ax, series, scale)
    empty = _empty_note(groups)
    if empty:
        ax.text(0.01, 0.5, empty, transform=ax.transAxes, fontsize=8, color="#555555", va="center")
    _label_axes(ax)
    handles, _ = ax.get_legend_handles_labels()
    _legend(ax, handles, bool(series["missing_report"].any()), legend, columns)


class TradePlot:
    """The trade chart as one reusable figure, for the explorer, which redraws on every change.

    :meth:`draw` moves the lines' data, the strips and the limits of a figure built once,
    instead of clearing the axes: after ``ax.clear()`` matplotlib re-creates every tick and
    label, which cost about a third of each redraw. The picture is the one :func:`draw_trade`
    draws on a fresh axes (the legend above the axes), whatever was drawn before.

    >>> plot = TradePlot()
    >>> plot.draw(trade_series(["USSR/Russia–DPRK"], (1985, 1995)), "log", (1985, 1995), "Trade")
    >>> [line.get_label() for line in plot.ax.lines if line.get_visible()], plot.ax.get_yscale()
    (['USSR/Russia–DPRK'], 'log')
    """

    def __init__(self, columns: int = 3):
        self.columns = columns
        with course_style():
            # Fixed margins instead of a layout engine: re-solving the layout on every redraw
            # costs a third of the redraw. The legend sits above the axes (never over a line,
            # whatever the scale, and seen first on a narrow screen where the chart scrolls
            # sideways); the top margin grows with its rows.
            self.figure = Figure(figsize=(9, 4.8))
            self.figure.subplots_adjust(left=0.13, right=0.98, bottom=0.11)
            self.ax = self.figure.add_subplot()
            self.title = self.figure.suptitle("", x=0.01, y=0.985, ha="left", va="top", fontsize=12)
            _label_axes(self.ax)
            self.empty = self.ax.text(0.01, 0.5, "", transform=self.ax.transAxes, fontsize=8, color="#555555",
                                      va="center", visible=False)
        self.lines: dict = {}  # pair -> its line, made the first time the pair is drawn
        self.strips: list = []
        self.legend_for = None  # (pairs, any missing report) the legend was made for
        self.legend_pixels = None  # (what they show, where) and the legend's pixels, from the last full render

    def draw(self, series: pd.DataFrame, scale: str, years: tuple[int, int], title: str) -> None:
        """Show ``series`` (of :func:`~lessons.trade.trade_series`) on a ``scale`` axis over ``years``."""
        ax = self.ax
        groups = list(series.groupby("pair", sort=False))
        with course_style():
            for strip in self.strips:
                strip.remove()
            self.strips = []
            for line in self.lines.values():
                line.set_visible(False)
            for i, (pair, rows) in enumerate(groups):
                if pair not in self.lines:
                    self.lines[pair], = ax.plot([], [], **_line_style(pair))
                line = self.lines[pair]
                line.set_data(*_line_data(rows, scale))
                # Drawn in the series' order, as on a fresh axes (lines are made in the order first asked for).
                line.set_zorder(2 + i / 100)
                line.set_visible(True)
                self.strips += _strips(ax, rows, pair, i)
            if ax.get_yscale() != scale:
                ax.set_yscale(scale)
            _format_values(ax, series, scale)
            empty = _empty_note(groups)
            self.empty.set_text(empty)
            self.empty.set_visible(bool(empty))
            ax.relim(visible_only=True)
            # The value axis as on a fresh axes: with no value to draw, autoscaling keeps limits it
            # takes for ones set on purpose, so the previous chart's are forgotten first.
            ax.viewLim.intervaly = (0.0, 1.0)
            ax.autoscale_view(scalex=False)
            ax.set_xlim(years[0] - 0.7, years[1] + 0.7)
            legend_for = (tuple(pair for pair, _ in groups), bool(series["missing_report"].any()))
            if legend_for != self.legend_for:  # its texts are laid out once, not on every redraw
                _legend(ax, [self.lines[pair] for pair in legend_for[0]], legend_for[1], "above", self.columns)
                self.legend_for = legend_for
            rows = -(-len(ax.get_legend().legend_handles) // self.columns)
            # title (about 0.3 in) and legend rows (about 0.19 in each) above the axes
            self.figure.subplots_adjust(top=1 - (0.36 + 0.19 * rows) / self.figure.get_figheight())
            self.title.set_text(title)

    def png(self) -> bytes:
        """The current state as PNG bytes.

        The legend changes only with the pairs, but laying out and drawing its texts costs
        a third of a render: while it stays the same legend in the same place, the rest is
        drawn and the legend's pixels from the last full render are pasted back. It is
        only pasted where nothing else is drawn (it sits between the title and the axes),
        so the picture is the one a full render gives.
        """
        canvas = self.figure.canvas
        if not isinstance(canvas, FigureCanvasAgg):
            canvas = FigureCanvasAgg(self.figure)
        renderer = canvas.get_renderer()
        legend = self.ax.get_legend()
        box = legend.get_window_extent(renderer)
        alone = not any(box.padded(2).overlaps(other) for other in (self.ax.bbox,
                                                                    self.title.get_window_extent(renderer)))
        key = (legend, tuple(box.bounds), canvas.get_width_height())
        if alone and self.legend_pixels is not None and self.legend_pixels[0] == key:
            legend.set_visible(False)
            try:
                canvas.draw()
            finally:
                legend.set_visible(True)
            canvas.restore_region(self.legend_pixels[1])
        else:
            canvas.draw()
            self.legend_pixels = (key, canvas.copy_from_bbox(box)) if alone else None
        return canvas_png(canvas)


def draw_stated_roubles(ax, rows: pd.DataFrame, first: int) -> None:
    """The rouble figures of :func:`stated_trade`: a band for a level stated over several years, a point per year.

    Labels of neighbouring years go to opposite sides, so that 1989 and 1990 never overlap.
    """
    singles = 0
    for row in rows.itertuples():
        colour, marker = PAIR_STYLES[row.pair]
        high = row.value_high if pd.notna(row.value_high) else row.value
        if row.year_end > row.year_start:  # a level stated for several years: a shaded band, labelled below
            ax.fill_between([row.year_start - 0.4, row.year_end + 0.4], row.value, high, color=colour, alpha=0.25,
                            linewidth=0)
            ax.text(row.year_start - 0.4, row.value, f"{row.as_stated}, {row.year_start}–{row.year_end}",
                    fontsize=7.5, va="top", ha="left")
            continue
        ax.plot([row.year_start], [row.value], marker=marker, color=colour, markersize=7, markeredgecolor="black",
                markeredgewidth=0.5, linestyle="")
        left = singles % 2 == 0
        ax.annotate(row.as_stated, (row.year_start, row.value), xytext=(-5 if left else 5, 7),
                    textcoords="offset points", fontsize=7.5, va="bottom", ha="right" if left else "left")
        singles += 1
    top = max(rows["value_high"].fillna(rows["value"]).max(), rows["value"].max())
    earliest = int(rows["year_start"].min())
    if earliest > first:  # say what is absent, not only what is there
        ax.text(first, top * 0.6, f"The course's sources give no rouble figure\nfor {first}–{earliest - 1}.",
                fontsize=8, color="#555555", va="center")
    ax.set_ylim(0, top * 1.35)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel("million roubles")
    ax.grid(color="#DDDDDD", linewidth=0.6)
    whole_years(ax.xaxis)
    ax.set_xlabel("Year")


def _gaps(series: pd.DataFrame, first: int, last: int) -> dict[str, tuple[list, list]]:
    """Per pair: runs of years with no value at all, and runs where COW's 0 is a missing report."""
    gaps = {}
    for pair, rows in series.groupby("pair", sort=False):
        valued = set(rows.loc[rows["value"].notna() | rows["missing_report"], "year"])
        absent = missing_runs(sorted(set(range(first, last + 1)) - valued))
        zeros = missing_runs(rows.loc[rows["missing_report"], "year"].tolist())
        if absent or zeros:
            gaps[pair] = (absent, zeros)
    return gaps


# Why COW has gaps, pair by pair, as far as the course can say (see data/README.md, trade).
WHY = {
    "USSR/Russia–DPRK": ("COW relies on what states reported to the IMF's Direction of Trade Statistics, and "
                         "neither the USSR nor North Korea reported; the course infers that this is why COW has no "
                         "value or 0 here (the dataset does not say, and sources show trade in those years)"),
    "USSR/Russia–ROK": "COW does not say why it records 0; sources show trade in those years, indirect until 1989",
}


def _what_is_missing(gaps: dict) -> str:
    """The gaps in words: 'USSR/Russia–DPRK, no value at all for 1970–1980 and 0 for 1981–1991'."""
    notes = []
    for pair, (absent, zeros) in gaps.items():
        said = ([f"no value at all for {_runs_text(absent)}"] if absent else []) + (
            [f"0 for {_runs_text(zeros)}"] if zeros else [])
        notes.append(f"{pair}, {' and '.join(said)}")
    return "; ".join(notes)


def _caption(series, first, last, scale, stated) -> str:
    gaps = _gaps(series, first, last)
    text = "Lines break where COW has no value. "
    if gaps:
        text += f"What is missing: COW has {_what_is_missing(gaps)}. "
        if any(zeros for _, zeros in gaps.values()):
            text += "A hatched strip marks a 0 that contemporary sources contradict. "
        why = [f"for {pair}, {WHY[pair]}" for pair in gaps if pair in WHY]
        others = [pair for pair in gaps if pair not in WHY]
        if others:
            why.append(f"for {', '.join(others)}, COW gives no reason")
        text += "Why: " + "; ".join(why) + ". "
    if stated is not None and not stated.empty:
        roubles = stated[stated["unit"] == ROUBLES]
        text += "Hollow diamonds: figures that sources state, in US$. " if (stated["unit"] == DOLLARS).any() else ""
        if not roubles.empty:
            text += ("Lower panel: the rouble figures sources give for Soviet–North Korean trade, "
                     "never converted to dollars. ")
        text += "Sources: " + "; ".join(dict.fromkeys(stated["reference"])) + "."
    if scale == "log":
        text += " On a log scale, years of zero trade cannot be drawn either."
    return text.strip()


def trade_chart(pairs=("USSR/Russia–DPRK", "USSR/Russia–ROK"), years=None, flow: str = "total",
                scale: str = "linear", smoothed: bool = False, stated: bool = True) -> Chart:
    """Trade of the given pairs, years and flow, on a linear or log scale.

    ``stated=True`` adds the total-trade figures that sources give where COW has gaps
    (only for total trade): dollars on the same axis, roubles in a panel below.

    >>> chart = trade_chart(years=(1980, 1995))
    >>> "no report (COW shows 0) in 1981–1991" in chart.alt
    True
    >>> trade_chart(scale="logarithmic")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown scale 'logarithmic'. Did you mean 'log'? ...
    """
    pairs = check_pairs(pairs)
    check_choice(scale, "scale", SCALES)
    check_choice(flow, "flow", FLOWS)
    smoothed = check_flag(smoothed, "smoothed")
    stated_wanted = check_flag(stated, "stated")
    years = check_trade_years(years)
    series = trade_series(pairs, years, flow, smoothed)
    first, last = years or (int(series["year"].min()), int(series["year"].max()))
    given = stated_trade(pairs, first, last) if stated_wanted and flow == "total" else None
    roubles = given[given["unit"] == ROUBLES] if given is not None else pd.DataFrame()
    dollars = given[given["unit"] == DOLLARS] if given is not None else None
    with course_style():
        fig = Figure(figsize=(10, 6.6 if len(roubles) else 4.6), layout="constrained")
        if len(roubles):
            ax, low = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
        else:
            ax, low = fig.add_subplot(), None
        draw_trade(ax, series, scale, dollars)
        ax.set_xlim(first - 0.7, last + 0.7)
        fig.suptitle(f"Trade with the two Koreas, {first}–{last}: {FLOW_LABELS[flow]}"
                     + (" (COW smoothed)" if smoothed else ""), x=0.01, ha="left")
        if low is not None:
            draw_stated_roubles(low, roubles, first)
            ax.set_xlabel("")
            ax.tick_params(labelbottom=True)
            low.set_title("What sources state for Soviet–North Korean trade, in million roubles (not converted)",
                          loc="left", fontsize=10)
        (low or ax).text(1.0, -0.3 if low is not None else -0.2,
                         "Source: Correlates of War Trade Data Set 4.0 (Barbieri and Keshk 2016).",
                         transform=(low or ax).transAxes, ha="right", fontsize=7, color="#555555")
    alt = trade_alt_text(series, flow, scale)
    if given is not None and not given.empty:
        alt += " Figures stated by sources: " + "; ".join(
            f"{r.pair} {r.year_start}" + (f"–{r.year_end}" if r.year_end != r.year_start else "")
            + f": {r.as_stated} ({r.reference})" for r in given.itertuples()) + "."
    return Chart(fig, caption=_caption(series, first, last, scale, given), alt=alt)


def smoothing_chart(pair: str = "USSR/Russia–DPRK", years=(1992, 2005)) -> Chart:
    """COW's reported and smoothed values side by side, to show what smoothing does to a one-year spike.

    >>> "1996" in smoothing_chart().alt
    True
    """
    if not isinstance(pair, str):
        raise LessonInputError(f"pair must be one pair name such as 'USSR/Russia–DPRK'; got {shown(pair)}. "
                               "Allowed: " + ", ".join(map(repr, trade_pairs())) + ".")
    pair, years = pair_of(pair), check_trade_years(years)
    raw = trade_series(pair, years)
    smooth = trade_series(pair, years, smoothed=True)
    first, last = int(raw["year"].min()), int(raw["year"].max())
    with course_style():
        fig = Figure(figsize=(9, 4), layout="constrained")
        ax = fig.add_subplot()
        ax.plot(raw["year"], raw["value"], color=OKABE_ITO["vermillion"], linewidth=2, marker="o", label="as reported")
        ax.plot(smooth["year"], smooth["value"], color=OKABE_ITO["blue"], linewidth=2, linestyle="--", marker="s",
                label="COW smoothed")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        whole_years(ax.xaxis)
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
    alt = (f"Two lines for {pair} total trade, {first}–{last}, in current US$ millions: as reported and as "
           f"smoothed by the Correlates of War team. They differ in {len(diff)} year{plural}"
           + (f": {changes}." if changes else "."))
    caption = ("COW replaces values its team judged to be spikes or dips with smoothed ones. Which series to use is "
               "a choice: say which one a chart shows.")
    return Chart(fig, caption=caption, alt=alt)


"""Charts of figures as sources state them: each bar names its source, units are never mixed.

``air_war_chart`` puts the Russian sources' Korean War air figures side by side (lesson 2);
``aid_chart`` shows aid to North Korea by donor, in roubles and as shares (lesson 3);
``trade_turn_chart`` and ``loan_chart`` show 1988-91 (lesson 5); ``rok_russia_trade_chart``
puts the COW series beside the figures sources state (lesson 6).
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..stated_figures import figures
from ..trade import trade_series
from .chart import Chart
from .style import OKABE_ITO, course_style, whole_years
from .trade_chart import PAIR_STYLES

__all__ = ["air_war_chart", "aid_chart", "bars_by_source", "trade_turn_chart", "loan_chart", "rok_russia_trade_chart"]

HATCHES = ["", "///", "...", "xx"]
SOURCE_COLOURS = [OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["bluish green"], OKABE_ITO["reddish purple"]]


def _fmt(value: float) -> str:
    """A number as a reader would write it.

    >>> _fmt(1097.0), _fmt(4.75)
    ('1,097', '4.75')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def bars_by_source(ax, rows: pd.DataFrame, labels: list[str], styles: dict[str, tuple[str, str]],
                   texts: list[str] | None = None) -> None:
    """Horizontal bars, one per row, labelled on the left and valued on the right.

    ``styles`` maps a row's reference to (colour, hatch), so each source looks the same
    in every panel, in colour and in grey print. ``texts`` replaces the value labels.
    """
    positions = range(len(rows))
    for y, (_, row) in zip(positions, rows.iterrows(), strict=True):
        colour, hatch = styles[row["reference"]]
        ax.barh(y, row["value"], color=colour, hatch=hatch, edgecolor="black", linewidth=0.5)
        text = texts[y] if texts else row["as_stated"] if len(row["as_stated"]) < 28 else _fmt(row["value"])
        end = row["value_high"] if pd.notna(row.get("value_high")) else row["value"]
        ax.text(end, y, f"  {text}", va="center", fontsize=8.5)
    ax.set_yticks(list(positions), labels, fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, rows["value"].max() * 1.45)


def _styles(references) -> dict[str, tuple[str, str]]:
    unique = list(dict.fromkeys(references))
    return {r: (SOURCE_COLOURS[i % 4], HATCHES[i % 4]) for i, r in enumerate(unique)}


AIR_MEASURES = ("soviet-aircraft-lost", "soviet-pilots-lost", "enemy-aircraft-claimed")


def air_war_chart() -> Chart:
    """Soviet losses and claims in the Korean air war, 1950–53, by source.

    >>> chart = air_war_chart()
    >>> len(chart.figure.axes)
    3
    """
    rows = figures(topic="korean-war-air")
    rows = rows[rows["measure"].isin(AIR_MEASURES)]
    styles = _styles(rows["reference"])
    with course_style():
        fig = Figure(figsize=(9, 5.6), layout="constrained")
        axes = fig.subplots(len(AIR_MEASURES), 1)
        for ax, measure in zip(axes, AIR_MEASURES, strict=True):
            part = rows[rows["measure"] == measure]
            bars_by_source(ax, part, list(part["reference"]), styles)
            unit = part["unit"].iloc[0]
            ax.set_title(f"{part['subject'].iloc[0]} ({unit})", loc="left", fontsize=10)
            ax.set_xlabel(unit, fontsize=8)
        fig.suptitle("The Soviet air war over Korea, 1950–1953: the sources disagree", x=0.01, ha="left")
    lines = [
        f"{rows[rows['measure'] == m]['subject'].iloc[0]}: "
        + "; ".join(f"{_fmt(r.value)} according to {r.reference}" for r in rows[rows["measure"] == m].itertuples())
        for m in AIR_MEASURES
    ]
    alt = ("Three bar charts comparing Russian sources on the Soviet air war in Korea. " + ". ".join(lines) + ".")
    caption = ("Each bar is one source's figure. Enemy aircraft are Soviet claims, not confirmed losses; the 2010 "
               "article also credits the corps' anti-aircraft guns with about 153 more. Full sources: "
               "lessons.sources_section(lesson=2).")
    return Chart(fig, caption=caption, alt=alt)


def aid_chart() -> Chart:
    """Aid to North Korea by donor: 1953–54 commitments in roubles, and shares of 1946–84 aid.

    >>> chart = aid_chart()
    >>> [ax.get_xlabel() for ax in chart.figure.axes]
    ['million roubles', 'percent of all aid accepted, 1946–1984']
    """
    aid = figures(topic="aid-to-dprk")
    roubles = aid[aid["measure"].isin(["free-aid-pledged", "free-aid-committed-china", "aid-ussr-and-eastern-europe"])
                  & (aid["unit"] == "million roubles")]
    shares = aid[aid["measure"].isin(["aid-share-from-ussr", "aid-share-from-china"])]
    styles = _styles([*roubles["reference"], *shares["reference"]])
    with course_style():
        fig = Figure(figsize=(9, 5), layout="constrained")
        top, bottom = fig.subplots(2, 1, height_ratios=[3, 2])
        bars_by_source(top, roubles,
                       [f"{s}\n[{r}]" for s, r in zip(roubles["subject"], roubles["reference"], strict=True)], styles)
        # Two lines: the long source labels leave the bars a narrow axes, and a title wider than
        # its axes would stick out of the image.
        top.set_title("Commitments after the war,\nin roubles as the sources state them", loc="left", fontsize=10)
        top.set_xlabel("million roubles")
        bars_by_source(bottom, shares,
                       [f"{s}\n[{r}]" for s, r in zip(shares["subject"], shares["reference"], strict=True)], styles)
        bottom.set_title("Shares of all aid North Korea accepted, 1946–1984", loc="left", fontsize=10)
        bottom.set_xlabel("percent of all aid accepted, 1946–1984")
        fig.suptitle("Who paid for North Korea? Aid by donor, with sources", x=0.01, ha="left")
    alt = (f"Two bar charts. Top, in million roubles: {_listing(roubles, subject=True)}. "
           f"Bottom, in percent: {_listing(shares, subject=True)}.")
    caption = ("Roubles and percentages are different units and are not added or converted. The 1953 Soviet figure "
               "rests on a secondary summary (medium confidence); the 1946–84 shares are approximate, and the source "
               "says the rest came from Eastern Europe.")
    return Chart(fig, caption=caption, alt=alt)


def _listing(rows: pd.DataFrame, subject: bool = False) -> str:
    """Figures in words for alt text: what the source says, the years (or subject) and the source."""
    return "; ".join(f"{r.subject}: {r.as_stated} ({r.reference})" if subject else f"{r.as_stated} ({y}, {r.reference})"
                     for r, y in zip(rows.itertuples(), _years_of(rows), strict=True))


def _years_of(rows: pd.DataFrame) -> list[str]:
    return [f"{a}" if a == b else f"{a}–{b}" for a, b in zip(rows["year_start"], rows["year_end"], strict=True)]


def _stated_with_source(rows: pd.DataFrame) -> list[str]:
    return [f"{a}  ({r})" for a, r in zip(rows["as_stated"], rows["reference"], strict=True)]


def trade_turn_chart() -> Chart:
    """1988–1991 in two units: Soviet–DPRK trade in roubles collapses while ROK–USSR trade in dollars grows.

    >>> chart = trade_turn_chart()
    >>> [ax.get_xlabel() for ax in chart.figure.axes]
    ['million roubles', 'million US$']
    """
    dprk = figures(topic="soviet-dprk-trade", measure="total-trade")
    dprk = dprk[(dprk["unit"] == "million roubles")].sort_values(["year_start", "year_end"])
    rok = figures(topic="rok-ussr-trade", measure="total-trade")
    rok = rok[rok["year_end"] <= 1991].sort_values("year_start")
    styles = _styles([*dprk["reference"], *rok["reference"]])
    with course_style():
        fig = Figure(figsize=(9, 6), layout="constrained")
        left, right = fig.subplots(2, 1)
        bars_by_source(left, dprk, _years_of(dprk), styles, _stated_with_source(dprk))
        for y, row in enumerate(dprk.itertuples()):
            if pd.notna(row.value_high):  # a stated range: show its upper end
                left.plot([row.value, row.value_high], [y, y], color="black", linewidth=2)
        left.set_title("Soviet–North Korean trade (million roubles)", loc="left", fontsize=10)
        left.set_xlabel("million roubles")
        bars_by_source(right, rok, _years_of(rok), styles, _stated_with_source(rok))
        for ax in (left, right):
            ax.set_xlim(0, ax.get_xlim()[1] * 1.5)  # room for the source beside each bar
        right.set_title("South Korean–Soviet trade (million US$)", loc="left", fontsize=10)
        right.set_xlabel("million US$")
        fig.suptitle("1988–1991: one trade collapses, the other grows", x=0.01, ha="left")
    alt = ("Two bar charts, one above the other, in different units. Top, Soviet–North Korean trade in million "
           f"roubles: {_listing(dprk)}. Bottom, South Korean–Soviet trade in million US$: {_listing(rok)}.")
    caption = ("Roubles (top) and dollars (bottom) are not converted into each other: compare the direction of change, "
               "not the sizes. The two 1989 figures in the bottom panel come from different sources and disagree. "
               "The Correlates of War data show 0 for both in these years: missing reports.")
    return Chart(fig, caption=caption, alt=alt)


def loan_chart() -> Chart:
    """Seoul's 1991 loan to Moscow: pledged against disbursed, by source.

    >>> "1,470" in loan_chart().alt
    True
    """
    loan = figures(topic="rok-loan")
    loan = loan[loan["measure"].isin(["loan-pledged", "loan-disbursed"])]
    loan = loan.assign(order=loan["measure"].map({"loan-pledged": 0, "loan-disbursed": 1})).sort_values("order")
    styles = _styles(loan["reference"])
    labels = [f"{'Pledged' if m == 'loan-pledged' else 'Disbursed'}  [{r}]"
              for m, r in zip(loan["measure"], loan["reference"], strict=True)]
    with course_style():
        fig = Figure(figsize=(9, 3.6), layout="constrained")
        ax = fig.add_subplot()
        bars_by_source(ax, loan, labels, styles)
        ax.set_xlabel("million US$")
        # A figure title: the axes is narrow beside its long labels, and its own title would stick out.
        fig.suptitle("The 1991 loan to the Soviet Union: pledged and paid, by source", x=0.01, ha="left")
    alt = ("Bar chart of the South Korean loan package of 1991, in million US$. "
           + "; ".join(f"{lab.split('  ')[0]}: {_fmt(r.value)} according to {r.reference}"
                       for lab, r in zip(labels, loan.itertuples(), strict=True)) + ".")
    caption = ("Korean official figures give US$1,470 million disbursed before Seoul froze the rest "
               "on 27 December 1991; Kommersant reports US$1,800 million received, probably a different accounting.")
    return Chart(fig, caption=caption, alt=alt)


def rok_russia_trade_chart() -> Chart:
    """South Korea–USSR/Russia trade, 1988–2022: the COW series and the figures sources state, each labelled.

    >>> chart = rok_russia_trade_chart()
    >>> chart.figure.axes[0].get_ylabel()
    'current US$ millions'
    """
    cow = trade_series(["USSR/Russia–ROK"], years=(1988, 2014))
    stated = figures(topic="rok-ussr-trade", measure="total-trade").sort_values("year_start")
    with course_style():
        fig = Figure(figsize=(10, 4.8), layout="constrained")
        ax = fig.add_subplot()
        # The pair's colour and marker, as in every trade chart; the sources' figures as hollow diamonds.
        colour, marker = PAIR_STYLES["USSR/Russia–ROK"]
        ax.plot(cow["year"], cow["value"], color=colour, linestyle="--", linewidth=2, marker=marker, markersize=4,
                markeredgecolor="black", markeredgewidth=0.4, label="Correlates of War 4.0 (to 2014)")
        gap = cow[cow["missing_report"]]["year"]
        if len(gap):
            ax.axvspan(gap.min() - 0.5, gap.max() + 0.5, ymin=0, ymax=0.05, facecolor="none",
                       edgecolor=colour, hatch="////", label="COW shows 0, but trade took place")
        ax.scatter(stated["year_start"], stated["value"], marker="D", s=48, facecolors="white", zorder=3,
                   edgecolors=colour, linewidths=1.8, label="figures stated by sources")
        key = []
        for number, row in enumerate(stated.itertuples(), 1):  # numbered points, sources listed below
            ax.annotate(str(number), (row.year_start, row.value), xytext=(5, 5 if number % 2 else -12),
                        textcoords="offset points", fontsize=9, fontweight="bold")
            key.append(f"({number}) {row.year_start}: {_fmt(row.value)} — {row.reference}")
        half = (len(key) + 1) // 2
        # Under the axis, in points, as part of the axes: the layout makes room for the key.
        for x, lines in ((0.0, key[:half]), (0.5, key[half:])):
            ax.annotate("\n".join(lines), xy=(x, 0), xycoords="axes fraction", xytext=(0, -34),
                        textcoords="offset points", fontsize=8.5, va="top", annotation_clip=False)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel("Year")
        ax.set_ylabel("current US$ millions")
        ax.set_xlim(1987, 2024.5)
        whole_years(ax.xaxis)
        ax.grid(color="#DDDDDD", linewidth=0.6)
        ax.legend(fontsize=8, loc="upper left")
        ax.set_title("South Korea's trade with the USSR and Russia, 1988–2022", loc="left")
    known = cow.dropna(subset=["value"])
    alt = ("Line chart with labelled points, in current US$ millions. The Correlates of War line runs from "
           f"{_fmt(known['value'].iloc[0])} in {known['year'].iloc[0]} to {_fmt(known['value'].iloc[-1])} in "
           f"{known['year'].iloc[-1]}, with no report for {gap.min()}–{gap.max()}. Figures stated by sources: "
           + "; ".join(f"{_fmt(r.value)} in {r.year_start} ({r.reference})" for r in stated.itertuples()) + ".")
    caption = ("Two kinds of data: the COW series (both directions added; rounded to whole millions) "
               "and single figures reported by sources, each labelled with its source. They need not match exactly.")
    return Chart(fig, caption=caption, alt=alt)

"""Charts of figures as sources state them: each bar names its source, units are never mixed.

``air_war_chart`` puts the Russian sources' Korean War air figures side by side (lesson 2);
``aid_chart`` shows aid to North Korea by donor, in roubles and as shares (lesson 3).
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..figures import figures
from .figure import Chart
from .style import OKABE_ITO, course_style

__all__ = ["air_war_chart", "aid_chart", "bars_by_source"]

HATCHES = ["", "///", "...", "xx"]
SOURCE_COLOURS = [OKABE_ITO["orange"], OKABE_ITO["blue"], OKABE_ITO["bluish green"], OKABE_ITO["reddish purple"]]


def _fmt(value: float) -> str:
    """A number as a reader would write it.

    >>> _fmt(1097.0), _fmt(4.75)
    ('1,097', '4.75')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def bars_by_source(ax, rows: pd.DataFrame, labels: list[str], styles: dict[str, tuple[str, str]]) -> None:
    """Horizontal bars, one per row, labelled on the left and valued on the right.

    ``styles`` maps a row's reference to (colour, hatch), so each source looks the same
    in every panel, in colour and in grey print.
    """
    positions = range(len(rows))
    for y, (_, row) in zip(positions, rows.iterrows()):
        colour, hatch = styles[row["reference"]]
        ax.barh(y, row["value"], color=colour, hatch=hatch, edgecolor="black", linewidth=0.5)
        text = row["as_stated"] if len(row["as_stated"]) < 28 else _fmt(row["value"])
        ax.text(row["value"], y, f"  {text}", va="center", fontsize=8.5)
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
        for ax, measure in zip(axes, AIR_MEASURES):
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
        bars_by_source(top, roubles, [f"{s}\n[{r}]" for s, r in zip(roubles["subject"], roubles["reference"])], styles)
        top.set_title("Commitments after the war, in roubles as the sources state them", loc="left", fontsize=10)
        top.set_xlabel("million roubles")
        bars_by_source(bottom, shares, [f"{s}\n[{r}]" for s, r in zip(shares["subject"], shares["reference"])], styles)
        bottom.set_title("Shares of all aid North Korea accepted, 1946–1984", loc="left", fontsize=10)
        bottom.set_xlabel("percent of all aid accepted, 1946–1984")
        fig.suptitle("Who paid for North Korea? Aid by donor, with sources", x=0.01, ha="left")
    alt = ("Two bar charts. Top, in million roubles: "
           + "; ".join(f"{r.subject}: {r.as_stated} ({r.reference})" for r in roubles.itertuples())
           + ". Bottom, in percent: "
           + "; ".join(f"{r.subject}: {r.as_stated} ({r.reference})" for r in shares.itertuples()) + ".")
    caption = ("Roubles and percentages are different units and are not added or converted. The 1953 Soviet figure "
               "rests on a secondary summary (medium confidence); the 1946–84 shares are approximate, and the source "
               "says the rest came from Eastern Europe.")
    return Chart(fig, caption=caption, alt=alt)

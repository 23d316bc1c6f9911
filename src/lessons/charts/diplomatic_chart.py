"""Who had a mission where: the Correlates of War diplomatic codes as a grid, with the chronology's dates.

Each row is one direction (the Soviet mission in Pyongyang, North Korea's in Moscow, ...),
each column a five-yearly snapshot; the cell's shade and number give the level.
"""
from __future__ import annotations

import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from ..chronology import event
from ..data import load
from .chart import Chart
from .style import course_style

__all__ = ["diplomatic_chart", "LEVELS"]

LEVELS = {0: "no evidence", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}
# light to dark for 0-3, and a distinct hatched-looking grey for 9 ("other"), all readable in grey print
_COLOURS = ["#F7F7F7", "#C6DBEF", "#6BAED6", "#08519C", "#BDBDBD"]
ROWS = [("USSR/Russia", "DPRK"), ("DPRK", "USSR/Russia"), ("USSR/Russia", "ROK"), ("ROK", "USSR/Russia")]
CHRONOLOGY = {("USSR/Russia", "DPRK"): "1948-ussr-dprk-relations", ("USSR/Russia", "ROK"): "1990-rok-ussr-relations"}


def _label(sender: str, receiver: str) -> str:
    capital = {"DPRK": "Pyongyang", "ROK": "Seoul", "USSR/Russia": "Moscow"}[receiver]
    who = {"DPRK": "North Korea's", "ROK": "South Korea's", "USSR/Russia": "Soviet/Russian"}[sender]
    return f"{who} mission in {capital}"


def diplomatic_chart() -> Chart:
    """Levels of representation between Moscow and the two Koreas, 1950–2005.

    >>> chart = diplomatic_chart()
    >>> len(chart.figure.axes[0].get_yticklabels())
    4
    """
    table = load("diplomatic")
    years = sorted(set(table["year"]))
    grid = np.full((len(ROWS), len(years)), np.nan)
    for i, (sender, receiver) in enumerate(ROWS):
        part = table[(table["sender"] == sender) & (table["receiver"] == receiver)].set_index("year")["level"]
        for j, year in enumerate(years):
            if year in part.index:
                grid[i, j] = part[year]
    index = np.where(grid == 9, 4, grid)  # colour slot 4 for code 9
    with course_style():
        fig = Figure(figsize=(10, 3.6), layout="constrained")
        ax = fig.add_subplot()
        ax.imshow(index, cmap=ListedColormap(_COLOURS), norm=BoundaryNorm(np.arange(-0.5, 5.5), 5), aspect="auto")
        for i in range(len(ROWS)):
            for j in range(len(years)):
                if not np.isnan(grid[i, j]):
                    code = int(grid[i, j])
                    ax.text(j, i, str(code), ha="center", va="center", fontsize=11,
                            color="white" if code == 3 else "black")
        ax.set_xticks(range(len(years)), [str(y) for y in years])
        ax.set_yticks(range(len(ROWS)), [_label(s, r) for s, r in ROWS])
        korea_name = {"DPRK": "North Korea", "ROK": "South Korea"}
        # Anchored at the figure's left edge, not the axes': a line this long must not squeeze the grid.
        ax.text(0.01, -0.13, "Chronology for comparison: " + "; ".join(
            f"{korea_name[receiver]} and Moscow, relations from {event(e)['when']}"
            for (_, receiver), e in CHRONOLOGY.items()) + ".",
            transform=blended_transform_factory(fig.transFigure, ax.transAxes), fontsize=10, color="#333333", va="top")
        fig.suptitle("Diplomatic missions, Correlates of War codes: 0 no evidence, 1 chargé d'affaires, "
                     "2 minister, 3 ambassador, 9 other", x=0.01, ha="left", fontsize=11)
    cells = []
    for i, (sender, receiver) in enumerate(ROWS):
        codes = ", ".join(f"{y}: {int(v)}" for y, v in zip(years, grid[i], strict=True) if not np.isnan(v))
        cells.append(f"{_label(sender, receiver)}: {codes}")
    alt = ("Grid of Correlates of War diplomatic codes by five-year snapshot, 0 no evidence of exchange, "
           "1 chargé d'affaires, 2 minister, 3 ambassador, 9 other. " + ". ".join(cells)
           + ". For comparison, the chronology dates relations with the DPRK "
           "to 12 October 1948 and with the ROK to 30 September 1990.")
    # The caption points at the disagreement without reading the codes out: finding them in the
    # grid is the exercise (lesson 8 asks for them).
    last_zero = max(y for y, v in zip(years, grid[1], strict=True) if v == 0)
    caption = (f"Read the first two rows (Moscow and Pyongyang) for {years[0]}–{last_zero} against the chronology "
               "line under the grid: "
               "Stalin agreed on 12 October 1948 to exchange ambassadors. Where the codes say something else, the "
               "dataset and the documents disagree. Data: COW Diplomatic Exchange, "
               "lessons.cite('cow-diplomatic-2006.1').")
    return Chart(fig, caption=caption, alt=alt)

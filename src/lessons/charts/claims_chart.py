"""Lesson 7's summary: each claim's verdict as written and with North and South swapped.

>>> chart = claims_chart()
>>> chart.figure.axes[0].get_xticklabels()[0].get_text()
'as written'
"""
from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from ..flawed_claims import VERDICTS, claims
from .chart import Chart
from .style import OKABE_ITO, course_style

__all__ = ["claims_chart"]

# true -> bluish green, partly true -> sky blue, misleading -> orange, false -> vermillion; the word is printed too
_COLOURS = [OKABE_ITO["bluish green"], OKABE_ITO["sky blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]


def claims_chart() -> Chart:
    """A grid: one row per claim, two columns (as written, swapped), each cell its verdict."""
    table = claims()
    codes = np.array([[VERDICTS.index(v), VERDICTS.index(s)]
                      for v, s in zip(table["verdict"], table["swapped_verdict"], strict=True)])
    with course_style():
        fig = Figure(figsize=(10, 8), layout="constrained")
        ax = fig.add_subplot()
        ax.imshow(codes, cmap=ListedColormap(_COLOURS), vmin=-0.5, vmax=3.5, aspect="auto")
        for i in range(len(table)):
            for j in range(2):
                # Black on every colour: at least 5.5:1 against each (white on vermillion is under 4).
                ax.text(j, i, VERDICTS[codes[i, j]], ha="center", va="center", fontsize=10, color="black")
        ax.set_xticks([0, 1], ["as written", "North and South swapped"])
        ax.xaxis.tick_top()
        # The whole claim, wrapped: a cut-off claim cannot be checked against its verdict.
        labels = [f"{cid[1:]}. " + "\n".join(textwrap.wrap(text, 58))
                  for cid, text in zip(table["id"], table["claim"], strict=True)]
        ax.set_yticks(range(len(table)), labels, fontsize=9)
        # Each claim reads as a left-aligned paragraph: measure the widest, then pad the labels by it.
        renderer = FigureCanvasAgg(fig).get_renderer()
        widest = max(label.get_window_extent(renderer).width for label in ax.get_yticklabels())
        ax.tick_params(axis="y", pad=widest * 72 / fig.dpi + 4)
        for label in ax.get_yticklabels():
            label.set_horizontalalignment("left")
        ax.set_title("Twelve claims, judged against the evidence", loc="left", pad=24)
    count = {v: int((table["verdict"] == v).sum()) for v in VERDICTS}
    swapped = {v: int((table["swapped_verdict"] == v).sum()) for v in VERDICTS}
    describe = lambda c: ", ".join(f"{n} {v}" for v, n in c.items() if n)  # noqa: E731
    alt = (f"Grid of twelve claims with two verdicts each. As written: {describe(count)}. With North and South "
           f"swapped: {describe(swapped)}.")
    caption = ("Verdicts from the evidence in lessons.claims(); the word in each cell says the verdict, "
               "the colour repeats it.")
    return Chart(fig, caption=caption, alt=alt)

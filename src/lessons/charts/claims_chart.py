"""Lesson 7's summary: each claim's verdict as written and with North and South swapped.

>>> chart = claims_chart()
>>> chart.figure.axes[0].get_xticklabels()[0].get_text()
'as written'
"""
from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from ..flawed_claims import VERDICTS, claims
from .figure import Chart
from .style import OKABE_ITO, course_style

__all__ = ["claims_chart"]

# true -> bluish green, partly true -> sky blue, misleading -> orange, false -> vermillion; the word is printed too
_COLOURS = [OKABE_ITO["bluish green"], OKABE_ITO["sky blue"], OKABE_ITO["orange"], OKABE_ITO["vermillion"]]


def claims_chart() -> Chart:
    """A grid: one row per claim, two columns (as written, swapped), each cell its verdict."""
    table = claims()
    codes = np.array([[VERDICTS.index(v), VERDICTS.index(s)] for v, s in zip(table["verdict"], table["swapped_verdict"])])
    with course_style():
        fig = Figure(figsize=(8, 6.2), layout="constrained")
        ax = fig.add_subplot()
        ax.imshow(codes, cmap=ListedColormap(_COLOURS), vmin=-0.5, vmax=3.5, aspect="auto")
        for i in range(len(table)):
            for j in range(2):
                ax.text(j, i, VERDICTS[codes[i, j]], ha="center", va="center", fontsize=9,
                        color="white" if codes[i, j] in (0, 3) else "black")
        ax.set_xticks([0, 1], ["as written", "North and South swapped"])
        ax.xaxis.tick_top()
        labels = [f"{cid[1:]}. {text[:48]}…" for cid, text in zip(table["id"], table["claim"])]
        ax.set_yticks(range(len(table)), labels, fontsize=8)
        ax.set_title("Twelve claims, judged against the evidence", loc="left", pad=24)
    count = {v: int((table["verdict"] == v).sum()) for v in VERDICTS}
    swapped = {v: int((table["swapped_verdict"] == v).sum()) for v in VERDICTS}
    describe = lambda c: ", ".join(f"{n} {v}" for v, n in c.items() if n)  # noqa: E731
    alt = (f"Grid of twelve claims with two verdicts each. As written: {describe(count)}. With North and South "
           f"swapped: {describe(swapped)}.")
    caption = "Verdicts from the evidence in lessons.claims(); the word in each cell says the verdict, the colour repeats it."
    return Chart(fig, caption=caption, alt=alt)

"""One colour-blind-safe look for every chart in the course.

Colours are from the Okabe–Ito palette (distinguishable with the common forms of
colour blindness); every colour is paired with a marker shape or a text label, so
no chart relies on colour alone, including printed in grey.

>>> RELATION_COLOURS["Moscow–Pyongyang"]
'#D55E00'
>>> sorted(CATEGORY_MARKERS)
['cultural', 'diplomatic', 'economic', 'military', 'political']
"""
from __future__ import annotations

import contextlib

import matplotlib
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

__all__ = ["OKABE_ITO", "RELATION_COLOURS", "CATEGORY_MARKERS", "course_style", "whole_years"]

OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}

RELATION_COLOURS = {
    "Moscow–Pyongyang": OKABE_ITO["vermillion"],
    "Moscow–Seoul": OKABE_ITO["blue"],
    "Moscow and both Koreas": OKABE_ITO["reddish purple"],
    "Moscow and others": OKABE_ITO["bluish green"],
    "Without Moscow": "#7F7F7F",
}

CATEGORY_MARKERS = {
    "diplomatic": "o", "military": "^", "economic": "s", "political": "D", "cultural": "*",
}

_RC = {
    "font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "axes.spines.top": False,
    "axes.spines.right": False, "figure.dpi": 100, "savefig.dpi": 100, "figure.facecolor": "white",
    "font.family": "DejaVu Sans",
    # Text from the data ("US$3 billion … US$1.47") and from students is shown as written: never
    # typeset as maths, which would run it together in italics or fail on a stray backslash.
    "text.parse_math": False,
}


@contextlib.contextmanager
def course_style():
    """Apply the course's matplotlib settings inside a ``with`` block only.

    >>> import matplotlib
    >>> with course_style():
    ...     matplotlib.rcParams["axes.spines.top"]
    False
    """
    with matplotlib.rc_context(_RC):
        yield


def whole_years(axis) -> None:
    """Label a year axis with whole years only: never "1977.5".

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> ax.set_xlim(1975, 1977)
    (1975.0, 1977.0)
    >>> whole_years(ax.xaxis)
    >>> [float(x) for x in ax.get_xticks()]
    [1975.0, 1976.0, 1977.0]
    """
    axis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    axis.set_major_formatter(StrMethodFormatter("{x:.0f}"))

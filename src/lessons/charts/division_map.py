"""Map of the divided peninsula, 1945–1948: the 38th parallel, the two zones, key places.

Drawn with matplotlib alone from the course's simplified Natural Earth outlines
(``data/map_korea.geojson``, public domain) and ``data/places.csv``. The outlines are
today's borders, for orientation; the zones are cut at 38°N, the line of 1945.
"""
from __future__ import annotations

import functools
import json

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.path import Path

from ..data import data_dir, load
from ..validate import check_ids
from .chart import Chart
from .style import OKABE_ITO, course_style

__all__ = ["division_map", "outlines", "PARALLEL"]

PARALLEL = 38.0
KOREAS = ("PRK", "KOR")
ZONES = {
    "Soviet zone (north of 38°N)": (OKABE_ITO["vermillion"], "///"),
    "US zone (south of 38°N)": (OKABE_ITO["blue"], "..."),
}
NEIGHBOUR_LABELS = {"CHN": "CHINA", "RUS": "USSR (today Russia)", "JPN": "JAPAN"}


@functools.cache
def _geojson(folder) -> dict:
    return json.loads((folder / "map_korea.geojson").read_text(encoding="utf-8"))


def outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """Each country's outer rings as lists of (lon, lat), keyed by ISO code.

    >>> sorted(outlines())
    ['CHN', 'JPN', 'KOR', 'PRK', 'RUS']
    """
    shapes = {}
    for feature in _geojson(data_dir())["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        shapes[feature["properties"]["iso_a3"]] = [[tuple(p) for p in poly[0]] for poly in polygons]
    return shapes


def on_peninsula(lon: float, lat: float, shapes=None) -> bool:
    """Whether a point lies in North or South Korea's outline (within about 5 km of it).

    >>> on_peninsula(125.75, 39.03), on_peninsula(131.87, 43.11)
    (True, False)
    """
    shapes = shapes or outlines()
    return any(Path(ring).contains_point((lon, lat), radius=0.05) or
               Path(ring).contains_point((lon, lat), radius=-0.05)
               for code in KOREAS for ring in shapes[code])


def _alt_text(places) -> str:
    north = [p.name for p in places.itertuples() if p.on_peninsula and p.lat >= PARALLEL]
    south = [p.name for p in places.itertuples() if p.on_peninsula and p.lat < PARALLEL]
    others = [p.name for p in places.itertuples() if not p.on_peninsula]
    return (
        "Map of the Korean peninsula between China, the Soviet Union (today Russia) and Japan. "
        f"A line along the 38th parallel (38°N) cuts the peninsula in two: north of it the Soviet zone, "
        f"with {', '.join(north)}; south of it the US zone, with {', '.join(south)}. "
        + (f"Also marked: {', '.join(others)}. " if others else "")
        + "Country outlines are today's borders."
    )


LESSON_PLACES = ("pyongyang", "seoul", "chongjin", "rajin", "unggi", "vladivostok")
# Label offsets in points (dx, dy, alignment): Unggi, Rajin and Chongjin crowd one stretch of coast.
LABEL_OFFSETS = {"unggi": (6, 4, "left"), "rajin": (8, -8, "left"), "chongjin": (-6, -4, "right")}


def division_map(places: tuple[str, ...] = LESSON_PLACES) -> Chart:
    """The 1945–48 division: zones north and south of the 38th parallel, with key places.

    >>> chart = division_map()
    >>> "38th parallel" in chart.alt
    True
    """
    table = load("places")
    places = check_ids(places, "places", table["id"])
    shapes = outlines()
    places = table[table["id"].isin(places)].copy()
    places["on_peninsula"] = [on_peninsula(p.lon, p.lat, shapes) for p in places.itertuples()]
    with course_style():
        fig = Figure(figsize=(7.5, 8), layout="constrained")
        ax = fig.add_subplot()
        ax.set_facecolor("#DCEBF5")  # sea
        for code, rings in shapes.items():
            for ring in rings:
                ax.add_patch(Polygon(ring, closed=True, facecolor="#F4F1EA" if code not in KOREAS else "white",
                                     edgecolor="#666666", linewidth=0.6, zorder=1))
        # The zones: the two Koreas' outlines, filled once each side of 38°N.
        for (colour, hatch), (y0, y1) in zip(ZONES.values(), [(PARALLEL, 60), (20, PARALLEL)], strict=True):
            clip = Rectangle((100, y0), 60, y1 - y0, transform=ax.transData, visible=False)
            ax.add_patch(clip)
            for code in KOREAS:
                for ring in shapes[code]:
                    patch = Polygon(ring, closed=True, facecolor=colour, alpha=0.35, hatch=hatch,
                                    edgecolor=colour, linewidth=0, zorder=2)
                    ax.add_patch(patch)
                    patch.set_clip_path(clip)
        ax.axhline(PARALLEL, color="black", linewidth=1.6, zorder=3)
        ax.text(131.2, PARALLEL + 0.12, "38th parallel (38°N)", fontsize=9, va="bottom", zorder=5)
        for place in places.itertuples():
            ax.plot(place.lon, place.lat, marker="o" if place.kind != "capital" else "s", color="black",
                    markersize=5 if place.kind != "capital" else 6, zorder=4)
            dx, dy, align = LABEL_OFFSETS.get(place.id, (5, 3, "left"))
            ax.annotate(place.name, (place.lon, place.lat), xytext=(dx, dy), textcoords="offset points", ha=align,
                        fontsize=8.5, zorder=5, fontweight="bold" if place.kind == "capital" else "normal")
        for code, (x, y) in {"CHN": (123.0, 42.3), "RUS": (134.2, 45.2), "JPN": (135.0, 35.2)}.items():
            ax.text(x, y, NEIGHBOUR_LABELS[code], fontsize=9, color="#555555", ha="center")
        ax.set_xlim(121, 138)
        ax.set_ylim(32.5, 46)
        ax.set_aspect(1.25)  # roughly equal distances at 38°N (1 / cos 38°)
        ax.set_xlabel("Longitude (°E)")
        ax.set_ylabel("Latitude (°N)")
        ax.set_title("Korea divided at the 38th parallel, 1945–1948", loc="left")
        handles = [Patch(facecolor=c, alpha=0.35, hatch=h, edgecolor=c, label=label) for label, (c, h) in ZONES.items()]
        ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.95)
        ax.text(0.01, 0.01, "Outlines: Natural Earth (public domain), today's borders.", transform=ax.transAxes,
                fontsize=7, color="#555555")
    caption = ("The line agreed in August 1945 ran along the 38th parallel; Soviet forces took the Japanese surrender "
               "north of it and US forces south of it. Outlines are today's borders, shown for orientation.")
    return Chart(fig, caption=caption, alt=_alt_text(places))

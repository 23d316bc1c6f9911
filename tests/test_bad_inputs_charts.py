"""Odd arguments to every public chart and widget: each gives a LessonInputError that names the
problem and says what is allowed, never a raw pandas/matplotlib/traitlets error or a wrong chart."""
import math
import re

import pytest
from matplotlib.figure import Figure

from lessons.charts.chart import Chart
from lessons.charts.division_map import division_map
from lessons.charts.lanes import lanes_chart
from lessons.charts.timeline import timeline_chart
from lessons.charts.trade_chart import smoothing_chart, trade_chart
from lessons.chronology import events
from lessons.errors import LessonInputError
from lessons.widgets.claim_checker import claim_checker, evidence_finder
from lessons.widgets.glossary_explorer import glossary_explorer
from lessons.widgets.phase_stepper import PhaseStepper
from lessons.widgets.rivals_explorer import rivals_explorer
from lessons.widgets.timeline_explorer import timeline_explorer
from lessons.widgets.trade_explorer import trade_explorer

INF, NAN = math.inf, math.nan
# A message must say what would be accepted, in one of these ways.
SAYS_WHAT_IS_ALLOWED = re.compile(r"Allowed|allowed|try \(|Lessons with phases|name each pair once|e\.g\.")

CASES = [
    # timeline_chart
    (timeline_chart, {"years": (1990, 1950)}, r"first year \(1990\) is after the last \(1950\)"),
    (timeline_chart, {"years": (1950, INF)}, r"finite year; got inf"),
    (timeline_chart, {"years": (-INF, 1950)}, r"finite year; got -inf"),
    (timeline_chart, {"years": (1940, 1950)}, r"1945.*2025"),
    (timeline_chart, {"years": "1950s"}, r"pair \(first, last\)"),
    (timeline_chart, {"years": (1950.5, 1953)}, r"whole years; got 1950\.5"),
    (timeline_chart, {"years": (True, 1950)}, r"a year such as 1950, not True"),
    (timeline_chart, {"table": "war"}, r"must be a table \(a pandas DataFrame\)"),
    (timeline_chart, {"table": [1, 2]}, r"must be a table"),
    (timeline_chart, {"table": "EVENTS_ID_ONLY"}, r"lacks the columns 'when'"),
    (timeline_chart, {"title": 42}, r"title must be text"),
    (timeline_chart, {"title": "  "}, r"title must not be blank"),
    # lanes_chart
    (lanes_chart, {"years": (2000, 1990)}, r"first year \(2000\) is after the last \(1990\)"),
    (lanes_chart, {"years": (NAN, 1990)}, r"finite year; got nan"),
    (lanes_chart, {"table": {"id": []}}, r"must be a table"),
    # division_map
    (division_map, {"places": ("pyongyang", "atlantis")}, r"Unknown places 'atlantis'"),
    (division_map, {"places": []}, r"at least one"),
    (division_map, {"places": 5}, r"places must be an id or a list of ids; got 5"),
    # trade_chart
    (trade_chart, {"pairs": []}, r"No pair given"),
    (trade_chart, {"pairs": ["ussr-dprk", "USSR/Russia–DPRK"]}, r"are the same pair \(USSR/Russia–DPRK\)"),
    (trade_chart, {"pairs": ["china rok", "PRC–ROK"]}, r"same pair \(PRC–ROK\)"),
    (trade_chart, {"pairs": ["USSR–Japan"]}, r"Unknown pair 'USSR–Japan'"),
    (trade_chart, {"pairs": [3]}, r"A pair is text"),
    (trade_chart, {"pairs": 5}, r"pairs must be a list of pair names"),
    (trade_chart, {"years": (1990, 1980)}, r"first year \(1990\) is after the last \(1980\)"),
    (trade_chart, {"years": (1980, INF)}, r"finite year; got inf"),
    (trade_chart, {"years": (1940, 1960)}, r"1950.*2014"),
    (trade_chart, {"flow": "both"}, r"Unknown flow 'both'"),
    (trade_chart, {"scale": "logarithmic"}, r"Unknown scale 'logarithmic'. Did you mean 'log'"),
    (trade_chart, {"scale": None}, r"scale must be .*got None"),
    (trade_chart, {"smoothed": "no"}, r"smoothed must be True or False; got 'no'"),
    (trade_chart, {"smoothed": 1}, r"smoothed must be True or False; got 1"),
    (trade_chart, {"stated": "yes"}, r"stated must be True or False; got 'yes'"),
    # smoothing_chart
    (smoothing_chart, {"pair": ["USSR/Russia–DPRK"]}, r"pair must be one pair name"),
    (smoothing_chart, {"pair": "Mars–DPRK"}, r"Unknown pair 'Mars–DPRK'"),
    (smoothing_chart, {"years": (2005, 1992)}, r"first year \(2005\) is after the last \(1992\)"),
    (smoothing_chart, {"years": (1992, NAN)}, r"finite year; got nan"),
    # Chart
    (Chart, {"figure": "fig", "caption": "c", "alt": "a"}, r"figure must be a matplotlib Figure; got 'fig'"),
    (Chart, {"figure": Figure(), "caption": None, "alt": "a"}, r"caption must be text"),
    (Chart, {"figure": Figure(), "caption": "c", "alt": ""}, r"alt must not be blank"),
    # timeline_explorer
    (timeline_explorer, {"years": (1990, 1950)}, r"first year \(1990\) is after the last \(1950\)"),
    (timeline_explorer, {"years": (1950, INF)}, r"finite year; got inf"),
    (timeline_explorer, {"actor": "Mars"}, r"Unknown actor 'Mars'"),
    (timeline_explorer, {"actor": 3}, r"actor must be text"),
    (timeline_explorer, {"category": "sport"}, r"Unknown category 'sport'"),
    (timeline_explorer, {"category": ["economic"]}, r"category must be text"),
    # trade_explorer
    (trade_explorer, {"pairs": []}, r"No pair given"),
    (trade_explorer, {"pairs": ("china dprk", "PRC–DPRK")}, r"same pair \(PRC–DPRK\)"),
    (trade_explorer, {"pairs": ("USSR/Russia–Mars",)}, r"Unknown pair 'USSR/Russia–Mars'"),
    (trade_explorer, {"years": (2014, 1950)}, r"first year \(2014\) is after the last \(1950\)"),
    (trade_explorer, {"years": (1950, 2020)}, r"1950.*2014"),
    (trade_explorer, {"years": (-INF, 2000)}, r"finite year; got -inf"),
    # rivals_explorer
    (rivals_explorer, {"years": (1969, 1953)}, r"first year \(1969\) is after the last \(1953\)"),
    (rivals_explorer, {"years": "1953-1969"}, r"pair \(first, last\)"),
    # glossary_explorer
    (glossary_explorer, {"search": None}, r"search must be text"),
    (glossary_explorer, {"kind": "weapon"}, r"Unknown kind 'weapon'"),
    # claim_checker and evidence_finder
    (claim_checker, {"swapped": "no"}, r"swapped must be True or False; got 'no'"),
    (claim_checker, {"swapped": None}, r"swapped must be True or False; got None"),
    (evidence_finder, {"query": 5}, r"query must be text"),
    # the phase stepper
    (PhaseStepper, {"lesson": 9}, r"No phases for lesson 9"),
    (PhaseStepper, {"lesson": "2"}, r"lesson must be a lesson number such as 2; got '2'"),
    (PhaseStepper, {"lesson": True}, r"lesson must be a lesson number"),
]


def _resolve(kwargs):
    # A table with too few columns is built here, not at import time.
    return {k: (events()[["id", "title"]] if v == "EVENTS_ID_ONLY" else v) for k, v in kwargs.items()}


@pytest.mark.parametrize("function, kwargs, problem", CASES,
                         ids=[f"{f.__name__}-{i}" for i, (f, _, _) in enumerate(CASES)])
def test_bad_input_names_the_problem_and_what_is_allowed(function, kwargs, problem):
    with pytest.raises(LessonInputError) as caught:
        function(**_resolve(kwargs))
    message = str(caught.value)
    assert re.search(problem, message), message
    assert SAYS_WHAT_IS_ALLOWED.search(message), message


def test_enough_cases():
    assert len(CASES) >= 40


def test_good_input_still_works_in_every_form_the_messages_suggest():
    """The checks must not refuse what they say is allowed."""
    assert trade_chart(pairs="russia dprk", years=(1980, 1995)).figure
    assert trade_chart(pairs=("USSR/Russia–DPRK",), years=1990, smoothed=False, stated=False).figure
    assert timeline_chart(events(period="war"), years=(1950, 1953), title="War").figure
    assert lanes_chart(events(years=(1988, 1991)), years=1989).figure
    assert division_map(places="seoul").figure
    assert timeline_explorer(actor="South Korea", category="Economic").actor.value == "ROK"
    assert trade_explorer(pairs="china dprk").chosen() == ["PRC–DPRK"]

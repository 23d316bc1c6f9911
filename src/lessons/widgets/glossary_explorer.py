"""Search the glossary as you type, in English, Korean or Russian.

>>> explorer = GlossaryExplorer()
>>> explorer.search.value = "parallel"
>>> "38th parallel" in explorer.results.value
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..glossary_terms import glossary, table_html

__all__ = ["GlossaryExplorer", "glossary_explorer"]

ANY = "Any"


class GlossaryExplorer:
    """A search box, a kind filter and the matching entries."""

    def __init__(self, search: str = ""):
        kinds = sorted(set(glossary()["kind"]))
        self.search = widgets.Text(value=search, placeholder="e.g. Stalin, 김일성, Сталин, treaty",
                                   description="Search", continuous_update=True)
        self.kind = widgets.Dropdown(options=[ANY, *kinds], value=ANY, description="Kind")
        self.count = widgets.HTML()
        self.results = widgets.HTML()
        for control in (self.search, self.kind):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([widgets.HBox([self.search, self.kind]), self.count, self.results])
        self.update()

    def update(self, change=None) -> None:
        """Show the entries that match the search text and kind."""
        rows = glossary(self.search.value or None, None if self.kind.value == ANY else self.kind.value)
        found = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}"
        self.count.value = f"<b>{found}</b>" + (
            "" if len(rows) else f" for “{html.escape(self.search.value)}”: try fewer letters or another spelling.")
        self.results.value = table_html(rows) if len(rows) else ""

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def glossary_explorer(search: str = "") -> GlossaryExplorer:
    """Build a :class:`GlossaryExplorer`; show it by making it a cell's last line."""
    return GlossaryExplorer(search)

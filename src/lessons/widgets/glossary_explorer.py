"""Search the glossary as you type, in English, Korean or Russian.

Nothing is listed until a search or a kind is chosen: the whole glossary (over a hundred
entries) would make lesson 0 dozens of screens long. Matches show about a dozen at a time.

>>> explorer = GlossaryExplorer()
>>> explorer.results.value
''
>>> explorer.search.value = "parallel"
>>> "38th parallel" in explorer.results.value
True
"""
from __future__ import annotations

import ipywidgets as widgets

from ..display import ShowsWidget
from ..errors import unknown
from ..glossary_terms import glossary, table_html
from ..markup import html_text
from ..validate import check_text
from .layout import SHOWN_ROWS, text_block, wide, wrapping_row

__all__ = ["GlossaryExplorer", "glossary_explorer"]

ANY = "Any"


def kinds() -> list[str]:
    """The kinds of glossary entry, for the filter.

    >>> "treaty" in kinds()
    True
    """
    return sorted(set(glossary()["kind"]))


class GlossaryExplorer(ShowsWidget):
    """A search box, a kind filter and the matching entries."""

    def __init__(self, search: str = "", kind: str = ANY):
        search = check_text(search, "search", example="'Stalin'")
        allowed = [ANY, *kinds()]
        if kind not in allowed:
            raise unknown("kind", kind, allowed)
        self.search = widgets.Text(value=search, placeholder="e.g. Stalin, 김일성, Сталин, treaty",
                                   description="Search", continuous_update=True, layout=wide("420px"))
        self.kind = widgets.Dropdown(options=allowed, value=kind, description="Kind")
        self.count = widgets.HTML()
        self.results = widgets.HTML()
        for control in (self.search, self.kind):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([wrapping_row([self.search, self.kind]), self.count, self.results],
                                   layout=widgets.Layout(width="100%"))
        self.update()

    def update(self, change=None) -> None:
        """Show the entries that match the search text and kind (nothing before a search)."""
        text, kind = self.search.value.strip(), self.kind.value
        if not text and kind == ANY:
            self.count.value = text_block(f"Type a word in English, Korean or Russian, or choose a kind, to search "
                                          f"the {len(glossary())} entries.")
            self.results.value = ""
            return
        rows = glossary(text or None, None if kind == ANY else kind)
        found = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}"
        self.count.value = text_block(f"<b>{found}</b>" + (
            "" if len(rows) else f" for “{html_text(text)}”: try fewer letters or another spelling."))
        if len(rows) <= SHOWN_ROWS + 3:
            self.results.value = text_block(table_html(rows)) if len(rows) else ""
            return
        rest = rows.iloc[SHOWN_ROWS:]
        self.results.value = text_block(
            table_html(rows.iloc[:SHOWN_ROWS]) + f'<details><summary style="cursor:pointer;font-weight:bold">'
            f"Show the other {len(rest)} entries</summary>{table_html(rest)}</details>")


def glossary_explorer(search: str = "", kind: str = ANY) -> GlossaryExplorer:
    """Build a :class:`GlossaryExplorer`; show it by making it a cell's last line.

    ``search``: text to look for (empty: show nothing until the student types);
    ``kind``: 'Any' or one kind of entry.
    """
    return GlossaryExplorer(search, kind)

"""Objects that show in Jupyter as the widget they hold.

Every explorer and question keeps its ipywidgets tree in ``self.widget`` (tests drive its
controls directly); inheriting :class:`ShowsWidget` makes Jupyter display that tree.

>>> import ipywidgets as widgets
>>> class Demo(ShowsWidget):
...     def __init__(self):
...         self.widget = widgets.Label("hi")
>>> "application/vnd.jupyter.widget-view+json" in Demo()._repr_mimebundle_()
True
"""
from __future__ import annotations

__all__ = ["ShowsWidget"]


class ShowsWidget:
    """Mixin: display as ``self.widget``."""

    widget: object

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

"""Static charts: each returns a :class:`~lessons.charts.figure.Chart` with caption and alt text."""

"""Static charts: each returns a :class:`~lessons.charts.chart.Chart` with caption and alt text."""

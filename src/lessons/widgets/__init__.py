"""Interactive explorers: each is an object whose ``.widget`` shows in Jupyter and
whose controls tests can set directly (``explorer.years.value = (1950, 1953)``)."""

"""Clear messages for bad input, shown to students without a traceback.

Every public function of ``lessons`` checks what it is given and raises
:class:`LessonInputError`, whose message says what was wrong and what is allowed.
:func:`friendly_errors` (called by ``lessons.setup()``) makes Jupyter show those
messages as a short note instead of a traceback.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from .markup import md_text

__all__ = ["LessonInputError", "unknown", "friendly_errors"]


class LessonInputError(ValueError):
    """A student or author gave ``lessons`` a value it cannot use.

    >>> raise LessonInputError("Years must be between 1945 and 2025.")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Years must be between 1945 and 2025.
    """


def unknown(what: str, value: object, allowed: Iterable[object]) -> LessonInputError:
    """Build the error for a value that is not one of ``allowed``.

    The message names the bad value, suggests the closest allowed one and lists them all.

    >>> print(unknown("actor", "DPKR", ["USSR", "DPRK", "ROK"]))
    Unknown actor 'DPKR'. Did you mean 'DPRK'? Allowed: 'USSR', 'DPRK', 'ROK'.
    >>> print(unknown("table", 3, ["events"]))
    Unknown table 3. Allowed: 'events'.
    """
    allowed = [str(a) for a in allowed]
    message = f"Unknown {what} {value!r}."
    if isinstance(value, str):
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
        typed = value.strip().casefold()
        close = close or [a for a in allowed if a.casefold() == typed]
        # "logarithmic" for "log", "econ" for "economic": a prefix either way is a good guess
        close = close or [a for a in allowed
                          if typed and (typed.startswith(a.casefold()) or a.casefold().startswith(typed))]
        if close:
            message += f" Did you mean {close[0]!r}?"
    return LessonInputError(message + " Allowed: " + ", ".join(map(repr, allowed)) + ".")


def _show_friendly(shell, etype, value, tb, tb_offset=None):
    """IPython custom-exception handler: print the message, not the traceback."""
    from IPython.display import Markdown, display

    display(Markdown(f"**Check your input:** {md_text(value)}"))
    return None


def friendly_errors(shell=None) -> bool:
    """Show :class:`LessonInputError` in Jupyter as a one-line note, not a traceback.

    Returns False when not running under IPython (then nothing changes).

    >>> friendly_errors()
    False
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython always ships with Jupyter
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((LessonInputError,), _show_friendly)
    return True

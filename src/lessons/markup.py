r"""Make any text safe to show as Markdown or HTML.

Student answers, data cells and command-line options can hold ``<script>``, ``$`` or
Markdown syntax. Jupyter renders Markdown and HTML outputs, and typesets ``$…$`` as
maths, so every piece of text that did not come from this module's callers' own
templates goes through :func:`md_text` or :func:`html_text` first.

>>> print(md_text("US$3 billion and US$1.47"))
US\\$3 billion and US\\$1.47

JupyterLab 4 reads ``\$`` in Markdown as the start of maths all the same; ``\\$`` (an
escaped backslash, which MathJax then reads as an escaped dollar) shows a plain "$". Tested
in a real JupyterLab by tests/browser. HTML gets a ``tex2jax_ignore`` span round each "$".

>>> html_text('<img src=x onerror=alert(1)> costs US$3')
'&lt;img src=x onerror=alert(1)&gt; costs US<span class="tex2jax_ignore">&#36;</span>3'
"""
from __future__ import annotations

import html
import re

__all__ = ["md_text", "html_text", "attr_text", "NO_MATH"]

# MathJax (JupyterLab's and nbconvert's) skips elements with this class.
NO_MATH = "tex2jax_ignore"

# Characters Markdown gives a meaning to; a backslash makes each literal.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~])")
MD_DOLLAR = "\\\\$"  # see the module docstring
# At the start of a line these begin a list, a heading or a quote.
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>=])", re.MULTILINE)


def md_text(text: object) -> str:
    """``text`` as Markdown that shows exactly those characters: no HTML, links, emphasis or maths.

    >>> md_text("*bold* [x](javascript:alert(1)) <b>")
    '\\\\*bold\\\\* \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\) &lt;b&gt;'
    >>> md_text("1. not a list")
    '1\\\\. not a list'
    >>> md_text(None)
    'None'
    """
    text = html.escape(str(text), quote=False)  # & < > first: entities survive Markdown
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("$", MD_DOLLAR)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)


def html_text(text: object) -> str:
    """``text`` escaped for HTML, with every ``$`` kept out of maths typesetting.

    >>> html_text('"a" & b')
    '&quot;a&quot; &amp; b'
    """
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("$", f'<span class="{NO_MATH}">&#36;</span>')


def attr_text(text: object) -> str:
    """``text`` escaped for an HTML attribute value in double quotes (never typeset as maths).

    >>> attr_text('say "US$3" <now>')
    'say &quot;US$3&quot; &lt;now&gt;'
    """
    return html.escape(str(text), quote=True)

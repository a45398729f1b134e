"""Search hits marked in a statement's text, as Markdown that shows the text literally.

The text is split at the hits first, each piece escaped (``escape_markdown``), and only then
are the markers added around the escaped hits: nothing from a document can open or close
a marker, a link or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard.components.text import escape_markdown

MARK_OPEN, MARK_CLOSE = ":orange-background[**", "**]"  # Streamlit Markdown: bold on a coloured background


def hit_pattern(forms: Iterable[str]) -> re.Pattern | None:
    """The whole words containing any of ``forms`` (case-insensitive): a hit inside
    "datasenteretableringer" marks the word, not a fragment of it."""
    alts = sorted({f for f in forms if f}, key=len, reverse=True)
    if not alts:
        return None
    return re.compile(r"\w*(?:" + "|".join(map(re.escape, alts)) + r")\w*", re.IGNORECASE)


def highlight_markdown(text: str | None, forms: Iterable[str]) -> str:
    """``text`` as escaped Markdown with every hit of ``forms`` marked."""
    text = "" if text is None else str(text)
    pattern = hit_pattern(forms)
    if pattern is None:
        return escape_markdown(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.end() == m.start():
            continue
        out.append(escape_markdown(text[pos:m.start()]))
        out.append(MARK_OPEN + escape_markdown(m.group()) + MARK_CLOSE)
        pos = m.end()
    out.append(escape_markdown(text[pos:]))
    return "".join(out)

"""Safe display of text taken from documents.

Document text is data, never markup: nothing from a document goes through
``unsafe_allow_html``, and where a Streamlit element interprets Markdown
(``st.markdown``, ``st.caption``, ``st.info``…) the text is escaped first.
"""

from __future__ import annotations

import html
import re

# Every character with a meaning in (GitHub-flavoured / Streamlit) Markdown or HTML.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=^&])")


def escape_markdown(text: str | None) -> str:
    """Backslash-escape Markdown so ``text`` renders literally in st.markdown/st.caption."""
    if text is None:
        return ""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    # Line breaks inside a quote stay line breaks, not paragraph or list syntax.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def quote(text: str | None) -> str:
    """A document quote ready for st.markdown/st.caption: escaped and in Norwegian quotes."""
    return f"«{escape_markdown(text)}»"


def plotly_text(text: str | None) -> str:
    """Document text for a plotly label, hover or annotation: plotly renders a subset of
    HTML (``<b>``, ``<a href>``, ``<br>``), so ``<``, ``>`` and ``&`` are escaped."""
    return html.escape("" if text is None else str(text), quote=False)


def from_plotly(text: str | None) -> str | None:
    """A value read back from a plotly selection (customdata, a category): the original text."""
    return None if text is None else html.unescape(str(text))

"""The public face of line handling: classified lines and the blocks built from them.

The work is done one layer down — :mod:`etl.parse.cleaning` classifies lines
(page furniture, bullets, markdown, table rows) and :mod:`etl.parse.blocks`
joins them into blocks — and this module only re-exports both, so that
``from etl.parse.lines import Block, Line`` keeps working while the graph stays
one-way (cleaning ← blocks ← lines; nothing below imports this module).
"""

from __future__ import annotations

from etl.parse.blocks import Block, ends_sentence, join_text, make_blocks, prov_for
from etl.parse.cleaning import URL_LINE_RE, URL_RE, Line, classify, clean_lines

__all__ = [
    "URL_LINE_RE",
    "URL_RE",
    "Block",
    "Line",
    "classify",
    "clean_lines",
    "ends_sentence",
    "join_text",
    "make_blocks",
    "prov_for",
]

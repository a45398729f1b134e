"""Minutes that arrive as an e-mail (Outlook "Lagre som tekst", a reply or a forward).

Three kinds of e-mail furniture never belong to the minutes:

- the mail header ("Fra:", "Sendt:", "Til:", "Kopi:", "Emne:" — or From/Sent/To/Cc/
  Subject — and "-----Opprinnelig melding-----" separators);
- the covering note around quoted minutes (the unquoted lines before the first and
  after the last "> " line), or between a forward's header and the "Referat" title;
- a signature at the end ("Med vennlig hilsen" and a few short lines after it).

``unquote`` strips "> " prefixes when the minutes are quoted; ``mail_furniture``
returns the indexes of furniture lines.  Both are pure and cheap (they look at the
first and last few dozen lines only).
"""

from __future__ import annotations

import re

from etl.parse.vocabulary import (
    MAIL_HEADER_LABELS,
    MAIL_SEPARATORS,
    NOTICE_WORDS,
    SIGN_OFFS,
    TITLE_WORDS,
    alternation,
)

_HEADER_RE = re.compile(rf"^({alternation(MAIL_HEADER_LABELS)})\s*:", re.I)
_HEADER_START_RE = re.compile(r"^(fra|frå|from)\s*:", re.I)
_SEPARATOR_RE = re.compile(rf"^-{{2,}}\s*(?:{alternation(MAIL_SEPARATORS)})\s*-{{0,}}\s*$", re.I)
_QUOTE_RE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")
_SIGN_OFF_RE = re.compile("|".join(f"^{p}" for p in SIGN_OFFS), re.I)
# The minutes' own title after a forward's header: everything before it is the covering note.
_TITLE_RE = re.compile(rf"^\W*(?:{alternation(TITLE_WORDS + NOTICE_WORDS)})\b", re.I)


def unquote(texts: list[str]) -> list[str] | None:
    """The texts without "> " prefixes, if the document is quoted; else None."""
    content = [t for t in texts if t.strip()]
    quoted = sum(1 for t in content if t.lstrip().startswith(">"))
    if quoted < 5 or quoted < 0.4 * len(content):
        return None
    return [_QUOTE_RE.sub("", t, count=1) if t.lstrip().startswith(">") else t for t in texts]


def _header_block(texts: list[str], start: int) -> int:
    """End (exclusive) of a mail header block starting at ``start``, or ``start``."""
    i, labels = start, set()
    while i < len(texts):
        t = texts[i].strip()
        m = _HEADER_RE.match(t)
        if m:
            labels.add(m.group(1).lower())
        elif not (t and labels and i > start and texts[i][:1] in " \t"):  # folded header line
            break
        i += 1
    known = labels & {"sendt", "sent", "emne", "subject", "til", "to"}
    return i if len(labels) >= 3 and len(known) >= 2 else start


def mail_furniture(texts: list[str], quoted: list[bool] | None = None) -> set[int]:
    """Indexes of mail header, covering-note and signature lines."""
    out: set[int] = set()
    n = len(texts)
    # Mail headers: at the top, or after a separator line, in the first 60 lines.
    first = next((i for i, t in enumerate(texts) if t.strip()), n)
    header_end = None
    for i in range(min(n, 60)):
        t = texts[i].strip()
        if _SEPARATOR_RE.match(t):
            out.add(i)
        if (i == first or _SEPARATOR_RE.match(texts[i - 1].strip() if i else "")) and _HEADER_START_RE.match(t):
            end = _header_block(texts, i)
            if end > i:
                out.update(range(i, end))
                header_end = end
    if quoted is not None and any(quoted):
        lo = quoted.index(True)
        hi = n - 1 - quoted[::-1].index(True)
        out.update(i for i in range(lo) if texts[i].strip())
        out.update(i for i in range(hi + 1, n) if texts[i].strip())
    elif header_end is not None:  # a forward: the note between the header and the title
        title = next((i for i in range(header_end, min(n, header_end + 25)) if _TITLE_RE.match(texts[i].strip())), None)
        if title is not None:
            out.update(range(header_end, title))
    out.update(_signature(texts, out))
    return out


def _signature(texts: list[str], skip: set[int]) -> range:
    """'Med vennlig hilsen' near the end and the short lines after it."""
    content = [i for i, t in enumerate(texts) if t.strip() and i not in skip]
    for k in range(len(content) - 1, max(-1, len(content) - 10), -1):
        i = content[k]
        t = texts[i].strip()
        if _SIGN_OFF_RE.match(t) and len(t.split()) <= 5:
            after = content[k + 1 :]
            if all(len(texts[j].split()) <= 8 for j in after):
                return range(i, content[-1] + 1)
            break
    return range(0)

"""Decisions: which text of an agenda item is its decision, by label first and by wording second.

A labelled decision ("Vedtak:", "Rådets vedtak", also a bare bold label) wins over sentences
that say something was approved; proposals, recommendations, debate and votes never decide.
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.parse.lines import Block
from etl.parse.sentences import split_sentences
from etl.parse.vocabulary import (
    DECISION_LABELS,
    DECISION_PHRASES,
    NOT_DECISION_LABELS,
    NOT_HANDLED_PHRASES,
    VOTE_WORDS,
    alternation,
)

# --- decisions ----------------------------------------------------------------
# "Rådets vedtak", "Daglig leders innstilling", "Hallingdal regionråds vedtak", "Styret sitt vedtak"
_OWNER = r"(?:(?:[\wæøåÆØÅ-]+\s+){0,2}[\wæøåÆØÅ-]+s\s+|(?:[\wæøåÆØÅ-]+\s+){1,3}sitt\s+)?"
# "… i rådet", "… frå styret": who the label is of, after it.
_OF_WHOM = r"(?:\s+(?:i|frå|fra)\s+[^:.]{1,40})?"
_DECISION_LABEL_RE = re.compile(
    rf"^{_OWNER}(?:{alternation(DECISION_LABELS)})(?:\s*/\s*(?:{alternation(DECISION_LABELS)}))?{_OF_WHOM}"
    r"(?:\s*\([^()]{1,40}\))?\s*[:.–-]\s*(?P<rest>.*)$",
    re.IGNORECASE
)
# "Forslag til vedtak:", "Innstilling frå dagleg leiar:", "Votering:", "Behandling i rådet - 06.02.2025:"
# "Rådet gjorde følgende vedtak:", "Styret fatta slikt vedtak:" — a label in a sentence.
_MADE_DECISION_RE = re.compile(
    r"^[^.:]{0,50}\b(?:gjorde|fattet|fatta|gjorde samrøystes|gjorde enstemmig)\s+(?:følgende|følgjande|slikt|slik)?\s*"
    r"(?:enstemmig\s+|samrøystes\s+)?vedtak\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A label on a line of its own without a colon, as case-handling systems print them in bold:
# "Regionrådets vedtak", "Forslag til vedtak", "Votering", "Styrets behandling".
_BARE_DECISION_RE = re.compile(rf"^{_OWNER}(?:{alternation(DECISION_LABELS)}){_OF_WHOM}\s*$", re.IGNORECASE)
_BARE_NOT_RE = re.compile(rf"^{_OWNER}(?:{alternation(NOT_DECISION_LABELS)}){_OF_WHOM}\s*$", re.IGNORECASE)
_NOT_DECISION_RE = re.compile(rf"^{_OWNER}(?:{alternation(NOT_DECISION_LABELS)})\b[^:]{{0,60}}:", re.IGNORECASE)
_INLINE_DECISION_RE = re.compile(rf"(?<=[.!?])\s+(?:{alternation(DECISION_LABELS)})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
_NOT_HANDLED_RE = re.compile("|".join(NOT_HANDLED_PHRASES), re.IGNORECASE)
_APPROVED_RE = re.compile("|".join(DECISION_PHRASES), re.IGNORECASE)
# Every decision label has one of these stems: a cheap test before the full patterns.
LABEL_STEMS = ("vedta", "konklusjon", "beslutning", "avgj")
_NOT_STEMS = tuple(sorted({label.split()[0][:6] for label in NOT_DECISION_LABELS}))


_STEM_RES: dict[tuple[str, ...], re.Pattern[str]] = {
    stems: re.compile("|".join(map(re.escape, stems))) for stems in (LABEL_STEMS, _NOT_STEMS)
}


def _has_stem(low: str, stems: tuple[str, ...]) -> bool:
    """A literal search on lower-case text (no IGNORECASE, which would be slow): much
    cheaper than the patterns it guards."""
    return _STEM_RES[stems].search(low) is not None
# Every decision phrase has one of these stems: a cheap test before the full pattern.
_HINT_RE = re.compile(r"godkj|vedt|orienter|etterretning|vitande", re.IGNORECASE)
_APPROVAL_WORD_RE = re.compile(r"\bgodkjen|\bgodkjend|\bvedtatt\b|\bvedteke|\bingen merknader\b|\bingen merknad", re.IGNORECASE)


def _from_sentence(text: str, pattern: re.Pattern[str]) -> str:
    """The text from the first sentence that matches ``pattern``: "Leder ønsket velkommen.
    Referatet ble godkjent." → "Referatet ble godkjent."."""
    for s0, e0 in split_sentences(text):
        if pattern.search(text[s0:e0]):
            return text[s0:].strip()
    return text


_VOTE_RE = re.compile(rf"\b(?:{alternation(VOTE_WORDS)})\b", re.IGNORECASE)


def vote_lead_in(text: str) -> bool:
    """A short line ending in a colon that reports the vote: "Med 9 mot 4 røyster vedtok fylkesutvalet:",
    "Enstemmig vedtatt:". It leads into the decision and is not part of it."""
    return text.endswith(":") and len(text.split()) <= 12 and _VOTE_RE.search(text) is not None


def label_heading(text: str) -> bool:
    """A bold or heading line that is a decision or proposal label ("Regionrådets vedtak:",
    "Forslag til vedtak:"), not a heading of the item's text."""
    if not text.rstrip().endswith(":") or len(text.split()) > 8:
        return False
    return bool(_DECISION_LABEL_RE.match(text) or _NOT_DECISION_RE.match(text) or _MADE_DECISION_RE.match(text))


def take_decision(blocks: list[Block], kind: str) -> tuple[str | None, list[Block], bool]:
    """Pull the decision out of an item's blocks; return (decision, remaining blocks,
    whether a label gave it).

    A labelled decision ("Vedtak:", "Rådets vedtak:") wins over sentences that say
    something was approved; a proposal, recommendation, debate or vote ("Forslag til
    vedtak:", "Innstilling:", "Votering:") and the text under it are never the decision.
    """
    labelled: list[str] = []
    phrased: list[str] = []  # sentences saying it was approved: the decision when no label gives one
    rest: list[Block] = []
    mode: str | None = None  # "decision": text under an empty decision label; "proposal": under a non-decision label
    taken_in_mode = 0
    for b in blocks:
        if b.first.cells is not None:
            rest.append(b)
            continue
        text = b.text
        bare = len(b.lines) == 1 and len(text) <= 60 and text[-1:] not in ".!?"
        if bare and _has_stem(text.lower(), LABEL_STEMS) and _BARE_DECISION_RE.match(text):
            mode, taken_in_mode = "decision", 0
            continue
        if bare and _BARE_NOT_RE.match(text):
            mode, taken_in_mode = "proposal", 0
            rest.append(b)
            continue
        if b.first.heading and not label_heading(text):
            mode = None
            rest.append(b)
            continue
        colon = ":" in text
        # A label needs a colon, or starts with its word ("Vedtak – …"): most blocks skip both tests.
        head = text[:80].lower() if colon or text[:1] in "VvKkBbAa" else ""
        if colon and _has_stem(head, _NOT_STEMS) and _NOT_DECISION_RE.match(text):
            mode, taken_in_mode = "proposal", 0
            rest.append(b)
            continue
        m = (_DECISION_LABEL_RE.match(text) or _MADE_DECISION_RE.match(text)) if head and _has_stem(head, LABEL_STEMS) else None
        if m:
            if m.group("rest").strip():
                labelled.append(m.group("rest").strip())
                mode = None
            else:
                mode, taken_in_mode = "decision", 0
            continue
        if mode == "decision":
            if taken_in_mode == 0 and vote_lead_in(text):
                continue  # "Eit samrøystes fylkesutval vedtok:" introduces the decision below it
            if taken_in_mode == 0 or b.is_bullet or (labelled and labelled[-1].endswith(":")):
                if taken_in_mode == 0:
                    labelled.append(text)
                else:
                    labelled[-1] = f"{labelled[-1]} {text}"
                taken_in_mode += 1
                continue
            mode = None
        if mode == "proposal":
            if not b.is_label and not b.first.heading:
                rest.append(b)
                continue
            mode = None
        inline = _INLINE_DECISION_RE.search(text) if ":" in text and not b.is_bullet else None
        if inline:
            labelled.append(inline.group("rest").strip())
            rest.append(Block([replace(b.first, text=text[: inline.start()].strip())]))
            continue
        if not b.is_bullet and text[:1] in "IiSsUu" and _NOT_HANDLED_RE.match(text):
            phrased.append(text)
            continue
        if kind == "approval" and _APPROVAL_WORD_RE.search(text):
            phrased.append(_from_sentence(text, _APPROVAL_WORD_RE))
            continue
        if kind not in ("round_table", "events") and not b.is_bullet and _HINT_RE.search(text) and _APPROVED_RE.search(text):
            phrased.append(_from_sentence(text, _APPROVED_RE))
            continue
        rest.append(b)
    if labelled:
        return " ".join(labelled), rest, True
    return (" ".join(phrased) if phrased else None), rest, False


# "… ble godkjent", "vart vedteke", "vedtok": something was decided (a notice's
# proposals say "… godkjennes").
_DONE_RE = re.compile(r"\b(?:ble|blei|vart|var|er blitt|har)\b|vedtok|\btatt til|\bteke til|\btekne til", re.IGNORECASE)


def decided(decision: str) -> bool:
    """Does a decision found by its wording say that something was decided, not proposed?"""
    return bool(_DONE_RE.search(decision))

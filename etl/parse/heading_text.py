"""The text on an agenda item's heading line: its title, and what ran onto it — the item's text or
its decision ("Eventuelt Ingen saker.", "Medlemskontingent – Vedtak: …", "Referat – godkjent.")."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.parse.decisions import LABEL_STEMS
from etl.parse.lines import Line
from etl.parse.vocabulary import (
    DECISION_LABELS,
    OUTCOME_STEMS,
    TITLE_LINK_WORDS,
    alternation,
)

_SPACES_RE = re.compile(r"\s+")
# A full stop and a new capitalised word inside a "title": a sentence ran onto the heading line.
_SENTENCE_INSIDE_RE = re.compile(r"[a-zæøå]{2}[.!?]\s+[A-ZÆØÅ]")


def clean_title(title: str) -> str:
    return _SPACES_RE.sub(" ", title.strip().strip("*").strip()).rstrip(":").strip()


_PREPOSITIONS = TITLE_LINK_WORDS
_LETTERED_RE = re.compile(r"^[a-h]\)$")
# A decision written on the heading line: "… – vedtatt", ": Godkjent.", ". Vedtak: …"
_HEADING_DECISION_RE = re.compile(
    rf"^(?P<title>.+?)(?:\s*[.:–—-]\s+|\s+)(?P<label>(?:{alternation(DECISION_LABELS)})\s*:\s*)(?P<rest>\S.*)$", re.IGNORECASE
)
_HEADING_OUTCOME_RE = re.compile(
    r"^(?P<title>.+?)\s*[.:–—-]\s+(?P<rest>(?:enstemmig |samrøystes )?(?:godkjent|godkjend|vedtatt|vedteke|"
    r"tatt til orientering|teke til vitande|utsatt|utsett)(?:\s+[^.:]{1,50})?\.?)$",
    re.IGNORECASE,
)


_OUTCOME_STEMS = OUTCOME_STEMS


def split_run_title(text: str) -> tuple[str, str] | None:
    """'Eventuelt Ingen saker.' → ('Eventuelt', 'Ingen saker.'): a heading whose body ran
    onto its line (line breaks lost). The title ends before the first capitalised word
    or inline list letter that does not follow a preposition."""
    words = text.split(" ")
    for k in range(1, min(15, len(words) - 1)):
        w, prev = words[k], words[k - 1]
        if _LETTERED_RE.match(w):
            return " ".join(words[:k]), " ".join(words[k:])
        if w[:1].isupper() and prev.lower() not in _PREPOSITIONS and not prev.endswith(":") and len(words) - k >= 2:
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def body_line(ln: Line, text: str) -> Line:
    """A line of its own for text that shares the heading's source line."""
    return replace(ln, text=text, marker=None, level=0, heading=0, cells=None)


def plausible_title(title: str) -> bool:
    words = title.split()
    return 0 < len(words) <= 14 and not title.endswith((".", ",", ";")) and (title[0].isupper() or title[0] in "«\"")


def _run_on(ln: Line, title: str, body: list[Line]) -> tuple[str, list[Line]]:
    """A long title before an inline decision may hold the item's text too, run onto it when
    line breaks were lost ("Fergetilbudet i X Regionrådet drøftet … Vedtak: …"): cut where a
    capitalised word is followed by a lower-case one (a subject and its verb)."""
    words = title.split()
    if len(words) < 7:
        return title, body
    cut = split_run_title(title)
    rest_words = cut[1].split() if cut else []
    if cut and len(rest_words) >= 3 and rest_words[1][:1].islower() and plausible_title(cut[0]):
        return clean_title(cut[0]), [body_line(ln, cut[1].rstrip(".") + "."), *body]
    return title, body


def heading_decision(ln: Line, title: str) -> tuple[str, list[Line]] | None:
    """(title, [decision line]) when the heading line also carries the item's decision:
    "Medlemskontingent 2025 – Vedtak: Kontingenten holdes uendret.", "… – godkjent uten merknader."."""
    low = title.lower()
    m = _HEADING_DECISION_RE.match(title) if ":" in title and any(k in low for k in LABEL_STEMS) else None
    if m and plausible_title(clean_title(m.group("title"))):
        return _run_on(ln, clean_title(m.group("title")), [body_line(ln, m.group("label") + m.group("rest"))])
    m = _HEADING_OUTCOME_RE.match(title) if any(k in low for k in _OUTCOME_STEMS) else None
    if m and plausible_title(clean_title(m.group("title"))) and (not ln.heading or m.group(0)[len(m.group("title")):].lstrip()[:1] in "–—-:"):
        return clean_title(m.group("title")), [body_line(ln, "Vedtak: " + m.group("rest"))]
    return None


def title_and_rest(ln: Line, title: str) -> tuple[str, list[Line]] | None:
    """The item title and any body text on the heading line (a decision, or a body
    that ran onto the line); None when the line is no plausible heading."""
    decided = heading_decision(ln, title)
    if decided is not None:
        return decided
    if (plausible_title(title) and not _SENTENCE_INSIDE_RE.search(title)) or ln.heading:
        return title, []
    cut = split_run_title(title)  # "Eventuelt Ingen saker. Brumunddal, …": text ran onto the heading
    if cut and plausible_title(cut[0]):
        return clean_title(cut[0]), [body_line(ln, cut[1])]
    return None


# A numbered list under these labels is the agenda announced up front or the attendee
# list ("Deltakere:" / "1. Ole Dahl, Ullensaker kommune"), never agenda items.


__all__ = ["body_line", "clean_title", "heading_decision", "plausible_title", "split_run_title", "title_and_rest"]

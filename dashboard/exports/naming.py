"""File names that say what the file is: ``forsvar-per-region-2025-10-23.png``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from dashboard.exports.spec import ExportContext

# Norwegian letters first, so "Bærum" → "baerum", "Økern" → "okern", "Ås" → "aas".
_FOLD = str.maketrans({"æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "å": "aa", "Å": "aa", "ß": "ss"})

MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def slugify(text: str, *, fallback: str = "uttrekk", max_length: int = 80) -> str:
    """ASCII slug for file names: ``"Forsvar per region (Bærum/Ås)"`` → ``forsvar-per-region-baerum-aas``.

    A slug longer than ``max_length`` is cut after its last whole word, never inside one."""
    folded = str(text or "").translate(_FOLD)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > max_length:
        head = slug[: max_length + 1]  # one more: a word that ends exactly at the limit stays whole
        cut = head.rfind("-")
        slug = head[:cut] if cut > 0 else slug[:max_length]  # one word longer than the limit: cut it
    return slug or fallback


# Filter values that narrow nothing; they would only lengthen the name.
_NARROWS_NOTHING = {"", "-", "–", "alle", "alle temaer", "alle regioner", "alle enheter", "alle typer"}


def view_parts(filters: dict[str, str]) -> list[str]:
    """The filter values that tell one view from another (theme, unit, region, type, status, search),
    in display order; the period is left out because the file name carries the last meeting date."""
    return [
        value
        for label, value in filters.items()
        if value and label.lower() != "periode" and value.strip().lower() not in _NARROWS_NOTHING
    ]


def _stem(parts: list[str], max_length: int = 80) -> str:
    """Slug of ``parts`` within ``max_length``.  When they do not all fit, whole names are kept
    (a theme is not cut to "kraft-og"), then ``mfl`` ("med flere") and a short hash of the whole
    view, so two long selections never share a name: ``styrepakke-forsvar-datasentre-mfl-3f9a1c``."""
    # A multiselect's values arrive joined by ", " (filters line); each name is a unit to keep or drop.
    names = [slugify(name, fallback="", max_length=10_000) for part in parts for name in str(part).split(",")]
    names = [n for n in names if n]
    full = "-".join(names)
    if len(full) <= max_length:
        return full or "uttrekk"
    tag = f"mfl-{hashlib.sha1(full.encode('ascii')).hexdigest()[:6]}"
    room = max_length - len(tag) - 1
    kept: list[str] = []
    for name in names:
        if len("-".join([*kept, name])) > room:
            break
        kept.append(name)
    # Not even one filter value fits whole: keep as many whole words as fit instead.
    head = "-".join(kept) if len(kept) > 1 else slugify(full, max_length=room)
    return f"{head}-{tag}"


def file_name(ctx: ExportContext, ext: str) -> str:
    """``tema-over-tid-forsvar-follo-2025-10-23.png``: the chart's slug, the filters that narrow the
    view (so two themes never share a name) and the last meeting date in view."""
    last = ctx.period[1] or dt.date.today()
    return f"{_stem([ctx.slug or ctx.title, *view_parts(ctx.filters)])}-{last:%Y-%m-%d}.{ext}"


def pack_file_name(filters: dict[str, str], last: dt.date | None, ext: str) -> str:
    """``styrepakke-forsvar-2026-03-12.pptx``: named after the filters that narrow the view."""
    last = last or dt.date.today()
    return f"{_stem(['styrepakke', *view_parts(filters)])}-{last:%Y-%m-%d}.{ext}"

"""File names that say what the file is: ``forsvar-per-region-2025-10-23.png``."""

from __future__ import annotations

import datetime as dt
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
    """ASCII slug for file names: ``"Forsvar per region (Bærum/Ås)"`` → ``forsvar-per-region-baerum-aas``."""
    folded = str(text or "").translate(_FOLD)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or fallback


def file_name(ctx: ExportContext, ext: str) -> str:
    """``forsvar-per-region-2025-10-23.png``: the chart's slug plus the last meeting date in view."""
    # Same stem as ExportContext.file_stem(), with the slug folded to ASCII.
    last = ctx.period[1] or dt.date.today()
    return f"{slugify(ctx.slug or ctx.title)}-{last:%Y-%m-%d}.{ext}"


def pack_file_name(filters: dict[str, str], last: dt.date | None, ext: str) -> str:
    """``styrepakke-forsvar-2026-03-12.pptx``: named after the filters that narrow the view."""
    parts = [
        value
        for label, value in filters.items()
        if value and label.lower() != "periode" and value.strip().lower() not in {"alle", "alle temaer", "alle regioner"}
    ]
    slug = slugify(" ".join(["styrepakke", *parts]), max_length=60)
    last = last or dt.date.today()
    return f"{slug}-{last:%Y-%m-%d}.{ext}"

"""What an export needs to stand on its own on a slide."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExportContext:
    """Title, filters and source of one chart, shared by its screen and export versions."""

    title: str  # Norwegian chart title, e.g. "Utsagn om forsvar per region"
    slug: str  # file-name stem, e.g. "forsvar-per-region"
    # Active filters as label → value, in display order, e.g.
    # {"Tema": "Forsvar", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"}
    filters: dict[str, str] = field(default_factory=dict)
    # First and last meeting date behind the numbers, for the source line.
    period: tuple[dt.date | None, dt.date | None] = (None, None)
    # Corrections people have made that the warehouse behind the numbers rests on
    # (v_corrections, status brukt): said in the source line, 0 says nothing.
    corrections: int = 0

    def file_stem(self) -> str:
        """``forsvar-per-region-2025-10-23``: the slug plus the last meeting date in view."""
        last = self.period[1] or dt.date.today()
        return f"{self.slug}-{last:%Y-%m-%d}"

""""Siden forrige møte" as a one-page A4 PDF (fpdf2, DejaVu Sans for æøå) the leader can send to members.

The page is laid out with fewer entries per group and shorter quotes until it fits on one
page; a group that was cut says ``+ N til``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import pandas as pd
from fpdf import FPDF

from dashboard import style
from dashboard.exports import texts
from dashboard.formatting import fmt_count, fmt_date_long, fmt_int, fmt_nok
from etl.vocab import SAK_KIND_LABELS, SAK_STATUS_LABELS

_FONT = "DejaVu"
_W, _H, _M = 210.0, 297.0, 15.0  # A4 portrait, mm
_PT_MM = 0.3528  # 1 pt in mm
_FOOT_ROOM = 16.0  # mm kept free at the bottom for the source line
# (entries per group, quote length) tried in turn until the page fits.
_BUDGETS = ((6, 260), (5, 200), (4, 160), (3, 130), (2, 110), (1, 90), (0, 0))


def title(meeting_date) -> str:
    return f"Siden forrige møte – {fmt_date_long(meeting_date)}"


def change_text(row: Mapping) -> str:
    """``ny sak``, ``Planlagt/vurderes → Vedtatt/godkjent`` or ``nevnt igjen``."""
    if row.get("is_new"):
        return "ny sak"
    now, before = row.get("mention_status"), row.get("status_before")
    if isinstance(now, str) and now != before:
        was = SAK_STATUS_LABELS.get(before, "uten status") if isinstance(before, str) else "uten status"
        return f"{was} → {SAK_STATUS_LABELS.get(now, now)}"
    return "nevnt igjen"


def summary_line(counts: Mapping[str, int], jobs_lost: int, area_daa: float, unchanged: int) -> str:
    """``3 nye saker · 1 statusendring · 1 nedleggelse (70 arbeidsplasser) · 2 nye næringsarealer (120 daa)``."""
    parts = [fmt_count(counts["nye"], "ny sak", "nye saker"),
             fmt_count(counts["status"], "statusendring", "statusendringer"),
             fmt_count(counts["nedleggelser"], "nedleggelse", "nedleggelser")
             + (f" ({fmt_int(jobs_lost)} arbeidsplasser)" if jobs_lost else ""),
             fmt_count(counts["areal"], "nytt næringsareal", "nye næringsarealer")
             + (f" ({fmt_int(round(area_daa))} daa)" if area_daa else "")]  # fmt: skip
    if unchanged:
        parts.append(f"{fmt_int(unchanged)} nevnt igjen uten endring")
    return texts.SEPARATOR.join(parts)


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA


def facts(row: Mapping) -> list[str]:
    """Kind, unit, change and the sak's numbers, for the line under its title."""
    unit = row.get("unit_name")
    out = [SAK_KIND_LABELS.get(row.get("kind"), str(row.get("kind") or "")),
           unit.strip() if isinstance(unit, str) and unit.strip() else None, change_text(row)]  # fmt: skip
    if _present(row.get("jobs")):
        out.append(f"{fmt_int(row['jobs'])} arbeidsplasser")
    if _present(row.get("amount_nok")):
        out.append(fmt_nok(row["amount_nok"]))
    if _present(row.get("area_daa")) and float(row["area_daa"]) > 0:
        out.append(f"{fmt_int(round(float(row['area_daa'])))} daa")
    return [x for x in out if x]


class _Page(FPDF):
    def __init__(self, doc_title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(_M, _M, _M)
        self.set_auto_page_break(True, margin=_FOOT_ROOM)
        self.add_font(_FONT, "", style.FONT_REGULAR_PATH)
        self.add_font(_FONT, "B", style.FONT_BOLD_PATH)
        self.set_title(doc_title)
        self.set_author(texts.APP_NAME)
        self.set_creator(texts.APP_NAME)
        self.set_lang("nb-NO")

    def block(self, text: str, size: float, *, bold: bool = False, color: str = style.TEXT, after: float = 0,
              indent: float = 0) -> None:  # fmt: skip
        self.set_font(_FONT, "B" if bold else "", size)
        self.set_text_color(*style.rgb(color))
        self.set_x(_M + indent)
        self.multi_cell(_W - 2 * _M - indent, size * _PT_MM * 1.3, text, new_x="LMARGIN", new_y="NEXT")
        if after:
            self.ln(after)


def _render(meeting_date, summary: str, groups: list[tuple[str, pd.DataFrame]], foot: str, per_group: int,
            quote_len: int, cite: Callable[[Mapping], str]) -> _Page:  # fmt: skip
    doc_title = title(meeting_date)
    pdf = _Page(doc_title)
    pdf.add_page()
    pdf.set_fill_color(*style.rgb(style.PRIMARY))
    pdf.rect(0, 0, _W, 4, style="F")
    pdf.set_y(_M)
    pdf.block(doc_title, 18, bold=True, color=style.PRIMARY, after=1)
    pdf.block(summary, 10, color=style.MUTED, after=3)
    for label, rows in groups:
        if rows.empty:
            continue
        pdf.block(f"{label} ({fmt_int(len(rows))})", 12, bold=True, color=style.PRIMARY, after=1)
        for row in rows.head(per_group).to_dict("records"):
            pdf.block(texts.shorten(row.get("title") or "", 140), 9.5, bold=True, indent=2)
            pdf.block(texts.SEPARATOR.join(facts(row)), 8, color=style.MUTED, indent=2)
            if quote_len:
                pdf.block(f"«{texts.shorten(row.get('text') or '', quote_len)}»", 8.5, indent=4)
            pdf.block(cite(row), 7, color=style.MUTED, indent=4, after=1.5)
        if len(rows) > per_group:
            pdf.block(f"+ {fmt_int(len(rows) - per_group)} til", 8.5, bold=True, color=style.MUTED, indent=2)
        pdf.ln(2)
    pdf.set_auto_page_break(False)
    pdf.set_xy(_M, _H - _FOOT_ROOM + 3)
    pdf.block(foot, 7, color=style.MUTED)
    return pdf


def news_pdf(meeting: Mapping, summary: str, groups: list[tuple[str, pd.DataFrame]],
             period: tuple[dt.date | None, dt.date | None], corrections: int = 0,
             made: dt.date | None = None) -> bytes:  # fmt: skip
    """The page: title with the meeting date in words, the summary line, each group's entries
    (title, facts, quote, source) as many as fit, and the source/made line the other exports use."""
    meeting_date = meeting["meeting_date"]

    def cite(row: Mapping) -> str:
        return texts.citation({**row, "meeting_date": meeting_date})

    foot = texts.footer_line(period, made, corrections)
    for per_group, quote_len in _BUDGETS:
        pdf = _render(meeting_date, summary, groups, foot, per_group, quote_len, cite)
        if pdf.pages_count == 1:
            break
    return bytes(pdf.output())

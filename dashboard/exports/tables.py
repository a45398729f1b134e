"""Data downloads: CSV (UTF-8 with BOM) and Excel (.xlsx), with Norwegian column names.

* Columns are renamed to Norwegian (``meeting_date`` → ``Møtedato``); unknown
  columns keep their name.  Source columns (file, page, lines) are never
  dropped and are put last, so every row can be traced to its minutes.
* Lists (``themes``) become ``"forsvar, samferdsel"``; dates become dates.
* CSV: UTF-8 with BOM, ``;`` as separator and decimal comma — what Excel with
  Norwegian regional settings opens correctly on a double click.
* Excel: sheet "Data" (bold header row, frozen, filter, dates as dd.mm.yyyy)
  and sheet "Om uttrekket" with title, filters, source and the date it was made.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

import numpy as np
import pandas as pd

from dashboard.exports import texts
from dashboard.exports.spec import ExportContext

COLUMN_LABELS: dict[str, str] = {
    "statement_id": "Utsagn-ID",
    "meeting_id": "Møte-ID",
    "meeting_date": "Møtedato",
    "section": "Del av referatet",
    "unit_name": "Enhet",
    "unit_kind": "Type enhet",
    "kommunenummer": "Kommunenummer",
    "region": "Region",
    "county": "Fylke",
    "reporter": "Rapportert av",
    "text": "Utsagn",
    "themes": "Temaer",
    "theme_id": "Tema-ID",
    "theme_label": "Tema",
    "theme": "Tema",
    "fact_type": "Type opplysning",
    "organisations": "Organisasjoner",
    "jobs": "Arbeidsplasser",
    "amount_nok": "Beløp (kr)",
    "event_date": "Dato for hendelse",
    "seq": "Rekkefølge",
    "item_no": "Sak nr.",
    "item_title": "Sak",
    "decision": "Vedtak",
    "area": "Område",
    "unit_raw": "Enhet (som skrevet)",
    "unit_known": "Kjent enhet",
    "places": "Steder",
    "title": "Tittel",
    "organiser": "Arrangør",
    "url": "Lenke",
    "organ": "Organ",
    "place": "Møtested",
    "chair": "Møteleder",
    "secretary": "Referent",
    "n_attendees": "Antall deltakere",
    "n_statements": "Antall utsagn",
    "n_meetings": "Antall møter",
    "n_units": "Antall enheter",
    "n": "Antall",
    "count": "Antall",
    "share": "Andel",
    "month": "Måned",
    "last_meeting_date": "Siste møte",
    "first_meeting_date": "Første møte",
    "lat": "Breddegrad",
    "lon": "Lengdegrad",
    # Provenance: kept and put last.
    "source_file": "Kildefil",
    "page": "Side",
    "line_start": "Linje fra",
    "line_end": "Linje til",
    "source_text": "Kildetekst",
}
SOURCE_COLUMNS = ("source_file", "page", "line_start", "line_end", "source_text")
SOURCE_LABELS = tuple(COLUMN_LABELS[c] for c in SOURCE_COLUMNS)
DATA_SHEET = "Data"
ABOUT_SHEET = "Om uttrekket"
CSV_SEPARATOR = ";"
CSV_DECIMAL = ","
DATE_FORMAT_XLSX = "DD.MM.YYYY"


def _is_listlike(value) -> bool:
    return isinstance(value, (list, tuple, set, np.ndarray))


def _join(value):
    if _is_listlike(value):
        return ", ".join(str(v) for v in value if v is not None)
    return value


def _as_dates(col: pd.Series) -> pd.Series | None:
    """A column of dates as ``datetime.date`` objects (None for missing), or None if not a date column."""
    if pd.api.types.is_datetime64_any_dtype(col):
        ts = pd.to_datetime(col)
        if getattr(ts.dt, "tz", None) is not None:
            ts = ts.dt.tz_localize(None)
        # Keep times only if there are any.
        if (ts.dropna() != ts.dropna().dt.normalize()).any():
            return None
        return pd.Series([None if pd.isna(v) else v.date() for v in ts], index=col.index, dtype=object)
    if col.dtype == object:
        values = col.dropna()
        if len(values) and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
            return col.astype(object).where(col.notna(), None)
    return None


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table as users get it: Norwegian column names, source columns last, lists joined, dates as dates."""
    out = df.copy()
    out = out.reset_index(drop=True) if not isinstance(out.index, pd.RangeIndex) else out
    for name in out.columns:
        col = out[name]
        if col.dtype == object and col.map(_is_listlike).any():
            out[name] = col.map(_join)
            continue
        dates = _as_dates(col)
        if dates is not None:
            out[name] = dates
    ordered = [c for c in out.columns if c not in SOURCE_COLUMNS] + [c for c in SOURCE_COLUMNS if c in out.columns]
    out = out[ordered]
    labels = {c: COLUMN_LABELS.get(str(c), str(c)) for c in out.columns}
    # Two columns mapping to one label (theme and theme_label): keep the raw name for the second.
    seen: set[str] = set()
    for c in out.columns:
        if labels[c] in seen:
            labels[c] = str(c)
        seen.add(labels[c])
    return out.rename(columns=labels)


# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(…), +cmd|…, @SUM(…)):
# text from minutes, search words and people's notes must never run as one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that would start a formula, with a leading apostrophe (OWASP's advice for CSV)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for Excel with Norwegian settings: UTF-8 with BOM, ``;`` separator, decimal comma, ISO dates;
    no cell starts a formula."""
    frame = export_frame(df)
    for name in frame.columns:
        if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name]):
            frame[name] = frame[name].map(neutralise)
    frame.columns = [neutralise(str(c)) for c in frame.columns]
    text = frame.to_csv(index=False, sep=CSV_SEPARATOR, decimal=CSV_DECIMAL, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def about_rows(ctx: ExportContext, *, n_rows: int | None = None, made: dt.date | None = None) -> list[tuple[str, str]]:
    """What the extract is, as (label, value) rows for the "Om uttrekket" sheet."""
    rows: list[tuple[str, str]] = [("Tittel", ctx.title)]
    rows += texts.filter_items(ctx.filters, ctx.period)
    rows.append(("Kilde", texts.source_line(ctx.period, ctx.corrections).removeprefix("Kilde: ")))
    rows.append(("Laget", texts.made_line(made).removeprefix("Laget ")))
    if n_rows is not None:
        rows.append(("Antall rader", str(n_rows)))
    rows.append(("Sporbarhet", "Kolonnene Kildefil, Side og Linje fra/til viser hvor i referatet hvert utsagn står."))
    rows.append(("Laget med", texts.APP_NAME))
    return rows


def to_excel_bytes(df: pd.DataFrame, ctx: ExportContext, *, made: dt.date | None = None) -> bytes:
    """An .xlsx with the data (sheet "Data") and what it is (sheet "Om uttrekket")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    frame = export_frame(df)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="0072B2")  # style.PRIMARY
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    date_cols = {i for i, c in enumerate(frame.columns) if _as_dates(frame[c]) is not None or frame[c].map(
        lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)).any()}
    for row in frame.itertuples(index=False, name=None):
        ws.append([_cell_value(v) for v in row])
    widths: list[int] = []
    for i, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        values = frame[name].head(200).map(lambda v: len(str(v)) if v is not None else 0)
        width = min(max([len(str(name)) + 2, *(values.tolist() or [0])]) + 2, 80)
        widths.append(width)
        ws.column_dimensions[letter].width = width
        if i - 1 in date_cols:
            for cell in ws[letter][1:]:
                cell.number_format = DATE_FORMAT_XLSX
            ws.column_dimensions[letter].width = max(width, 12)
        if width >= 60:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(len(frame) + 1, 1)}"

    about = wb.create_sheet(ABOUT_SHEET)
    for label, value in about_rows(ctx, n_rows=len(frame), made=made):
        about.append([label, value])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 100
    wb.properties.title = ctx.title
    wb.properties.creator = texts.APP_NAME
    for sheet in (ws, about):  # text is text: a cell openpyxl took for a formula is stored as a string
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell_value(value):
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime, int, float, str, bool)):
        return value
    return str(value)


def read_excel_data(data: bytes) -> pd.DataFrame:
    """Read the "Data" sheet back (tests, and anyone checking an export)."""
    return pd.read_excel(io.BytesIO(data), sheet_name=DATA_SHEET, engine="openpyxl")


def about_dict(data: bytes) -> Mapping[str, str]:
    frame = pd.read_excel(io.BytesIO(data), sheet_name=ABOUT_SHEET, header=None, engine="openpyxl")
    return dict(zip(frame[0].astype(str), frame[1].astype(str), strict=False))

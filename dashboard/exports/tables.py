"""Data downloads: CSV (UTF-8 with BOM) and Excel (.xlsx), with Norwegian column names.

* Columns are renamed to Norwegian (``meeting_date`` → ``Møtedato``); unknown
  columns keep their name.  Source columns (file, page, lines) are never
  dropped and are put last, so every row can be traced to its minutes.
* Lists (``themes``) become ``"forsvar, samferdsel"``; dates become dates.
* CSV: UTF-8 with BOM, ``;`` as separator and decimal comma — what Excel with
  Norwegian regional settings opens correctly on a double click.
* Excel: sheet "Data" is pivot-ready: one header row, no merged cells or blank
  rows, an Excel table (ListObject "Data", with its filter) over the data, frozen
  header.  Dates are real dates (dd.mm.yyyy, also page data written "23.10.2025"),
  jobs, amounts and counts are numbers shown with thousands separators.  Sheet
  "Om uttrekket" has title, filters, source and the date it was made, then one
  row per column of "Data" saying what it holds.
"""

from __future__ import annotations

import datetime as dt
import io
import re
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
# Number format codes are stored locale-independently (ECMA-376 18.8.31): "," is the grouping separator and Excel
# shows it with the reader's own, so Norwegian Excel displays 1234567 as "1 234 567" ("# ##0").  A literal
# space in the code would not group thousands.
NUMBER_FORMAT_XLSX = "#,##0"
DECIMAL_FORMAT_XLSX = "#,##0.0##"
ID_FORMAT_XLSX = "0"  # identifiers and positions: no thousands separator (line 1234, not 1 234)
TABLE_NAME = "Data"
TABLE_STYLE = "TableStyleMedium2"
# Numbers that name or locate something rather than count it.
ID_LABELS = frozenset(COLUMN_LABELS[c] for c in ("statement_id", "meeting_id", "kommunenummer", "seq", "item_no",
                                                 "page", "line_start", "line_end")) | {"Linje"}
# Columns that must be numbers in Excel even when a page hands them over as text ("1 200").
NUMBER_LABELS = frozenset(COLUMN_LABELS[c] for c in ("jobs", "amount_nok"))
_NORWEGIAN_DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
_MISSING_TEXT = frozenset({"", "–", "-"})

# What each column of an extract holds, by its Norwegian name (the "Om uttrekket" sheet lists the columns present).
COLUMN_DESCRIPTIONS: dict[str, str] = {
    "Utsagn-ID": "Fast ID for utsagnet (samme ID i alle uttrekk og i lenker til appen).",
    "Møte-ID": "Fast ID for møtet utsagnet kommer fra.",
    "Møtedato": "Datoen for møtet (dato i Excel, dd.mm.åååå).",
    "Del av referatet": "Hvilken del av referatet utsagnet står i (f.eks. runde rundt bordet).",
    "Enhet": "Kommunen eller regionen som rapporterte.",
    "Type enhet": "Kommune, region, fylke eller annen enhet.",
    "Type": "Typen: for enheter kommune/region, for utsagn typen opplysning.",
    "Kommunenummer": "Kommunenummer etter regionreformen 2024.",
    "Region": "Delregionen enheten hører til (for en region: regionen selv).",
    "Fylke": "Fylket enheten ligger i.",
    "Rapportert av": "Personen som la fram rapporten.",
    "Utsagn": "Utsagnet slik det står i referatet.",
    "Temaer": "Temaene utsagnet handler om, kommaseparert.",
    "Tema-ID": "Fast ID for temaet.",
    "Tema-id": "Fast ID for temaet.",
    "Tema": "Temaets navn.",
    "Type opplysning": "Hva slags opplysning utsagnet er (plan, vedtak, etablering …).",
    "Organisasjoner": "Bedrifter og organisasjoner som nevnes, kommaseparert.",
    "Arbeidsplasser": "Antall arbeidsplasser som nevnes (tall).",
    "Beløp (kr)": "Beløp i kroner som nevnes (tall).",
    "Dato for hendelse": "Datoen utsagnet sier noe skjer (dato i Excel).",
    "Rekkefølge": "Utsagnets plass i møtet (1 = første).",
    "Sak nr.": "Saksnummeret på dagsordenen.",
    "Sak": "Sakens tittel.",
    "Vedtak": "Vedtaket i saken.",
    "Område": "Området saken gjelder.",
    "Enhet (som skrevet)": "Enheten slik navnet står i referatet.",
    "Kjent enhet": "Om navnet er gjenkjent i stedsregisteret.",
    "Steder": "Steder som nevnes, kommaseparert.",
    "Tittel": "Tittel.",
    "Arrangør": "Hvem som arrangerer.",
    "Lenke": "Nettadresse.",
    "Organ": "Organet som holdt møtet.",
    "Møtested": "Hvor møtet ble holdt.",
    "Møteleder": "Hvem som ledet møtet.",
    "Referent": "Hvem som skrev referatet.",
    "Antall deltakere": "Antall deltakere på møtet (tall).",
    "Antall utsagn": "Antall utsagn (tall).",
    "Antall møter": "Antall møter (tall).",
    "Antall enheter": "Antall enheter (tall).",
    "Antall": "Antall (tall).",
    "Andel": "Andel (tall).",
    "Måned": "Måneden (dato i Excel, første dag i måneden).",
    "Siste møte": "Datoen for siste møte (dato i Excel).",
    "Første møte": "Datoen for første møte (dato i Excel).",
    "Breddegrad": "Omtrentlig midtpunkt, breddegrad (WGS84).",
    "Lengdegrad": "Omtrentlig midtpunkt, lengdegrad (WGS84).",
    "Møter": "Antall møter (tall).",
    "Møter med rapport": "Antall møter enheten rapporterte i (tall).",
    "Sist rapportert": "Datoen for siste møte enheten rapporterte i (dato i Excel).",
    "Kilder": "Referatfilene tallet bygger på.",
    "Linje": "Linjenummer i referatet.",
    "Tekst": "Teksten slik den står i referatet.",
    "Kildefil": "Referatfilen utsagnet er hentet fra.",
    "Side": "Siden i referatet.",
    "Linje fra": "Første linje i referatet.",
    "Linje til": "Siste linje i referatet.",
    "Kildetekst": "Teksten slik den står i referatet, før tolkning.",
}
# A column a page names after what it counts ("Utsagn" = number of statements) holds a number, not the text.
COUNT_DESCRIPTIONS = {"Utsagn": "Antall utsagn (tall).", "Saker": "Antall saker (tall)."}


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


def about_rows(ctx: ExportContext, *, n_rows: int | None = None, made: dt.date | None = None,
               columns: list[str] | None = None) -> list[tuple[str, str]]:
    """What the extract is, as (label, value) rows for the "Om uttrekket" sheet."""
    rows: list[tuple[str, str]] = [("Tittel", ctx.title)]
    rows += texts.filter_items(ctx.filters, ctx.period)
    rows.append(("Kilde", texts.source_line(ctx.period, ctx.corrections).removeprefix("Kilde: ")))
    rows.append(("Laget", texts.made_line(made).removeprefix("Laget ")))
    if n_rows is not None:
        rows.append(("Antall rader", str(n_rows)))
    if columns is None or {"Kildefil", "Side"} <= set(columns):
        rows.append(("Sporbarhet", "Kolonnene Kildefil, Side og Linje fra/til viser hvor i referatet hvert utsagn står."))
    rows.append(("Laget med", texts.APP_NAME))
    return rows


def _norwegian_dates(col: pd.Series) -> pd.Series | None:
    """Page data dates written as text ("23.10.2025", "–" for none) as dates, or None if the column is not that."""
    if not (col.dtype == object or pd.api.types.is_string_dtype(col)):
        return None
    values = [v for v in col if not (v is None or (isinstance(v, str) and v.strip() in _MISSING_TEXT))]
    if not values or not all(isinstance(v, str) and _NORWEGIAN_DATE.match(v.strip()) for v in values):
        return None
    try:
        return col.astype(object).map(lambda v: dt.datetime.strptime(v.strip(), "%d.%m.%Y").date()
                                      if isinstance(v, str) and v.strip() not in _MISSING_TEXT else None)
    except ValueError:  # 31.02.2025 is text, not a date
        return None


def _as_numbers(col: pd.Series) -> pd.Series:
    """Jobs and amounts as numbers even when written as text ("1 200", "1,5")."""
    if pd.api.types.is_numeric_dtype(col):
        return col
    text = col.astype(object).map(lambda v: re.sub(r"[\s\u00a0]", "", v).replace(",", ".") if isinstance(v, str) else v)
    numbers = pd.to_numeric(text, errors="coerce")
    # Text that is not a number ("ca. 200") is kept rather than lost.
    return numbers.astype(object).where(numbers.notna(), col.astype(object)).where(col.notna(), None)


def excel_frame(df: pd.DataFrame) -> pd.DataFrame:
    """export_frame, then what Excel needs to sum and pivot: dates as dates, numbers as numbers."""
    frame = export_frame(df)
    for name in frame.columns:
        dates = _norwegian_dates(frame[name])
        if dates is not None:
            frame[name] = dates
        elif name in NUMBER_LABELS:
            frame[name] = _as_numbers(frame[name])
    return frame


def _is_date_column(col: pd.Series) -> bool:
    return _as_dates(col) is not None or bool(col.map(
        lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)).any())


def number_format(name: str, col: pd.Series) -> str | None:
    """The Excel number format of a column: dates dd.mm.yyyy, counts and amounts with thousands separators."""
    if _is_date_column(col):
        return DATE_FORMAT_XLSX
    values = pd.to_numeric(col.map(lambda v: v if isinstance(v, (int, float, np.number)) and not isinstance(v, bool)
                                   else None), errors="coerce").dropna()
    if values.empty:
        return None
    if name in ID_LABELS:
        return ID_FORMAT_XLSX
    return NUMBER_FORMAT_XLSX if (values == values.round()).all() else DECIMAL_FORMAT_XLSX


def column_description(name: str, col: pd.Series) -> str:
    """What a column holds, for "Om uttrekket"; a column no one described is called what it is."""
    numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
    if numeric and name in COUNT_DESCRIPTIONS:
        return COUNT_DESCRIPTIONS[name]
    if name in COLUMN_DESCRIPTIONS:
        return COLUMN_DESCRIPTIONS[name]
    if _is_date_column(col):
        return "Dato (dato i Excel)."
    return "Tall." if numeric else "Tekst."


ABOUT_COLUMNS_HEADING = "Kolonner i arket «Data»"


def to_excel_bytes(df: pd.DataFrame, ctx: ExportContext, *, made: dt.date | None = None) -> bytes:
    """An .xlsx with the data (sheet "Data", an Excel table) and what it is (sheet "Om uttrekket")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    frame = excel_frame(df)
    # A table column needs a non-empty, unique header (Excel repairs the file otherwise).
    headers: list[str] = []
    for i, c in enumerate(frame.columns, start=1):
        h = str(c).strip() or f"Kolonne {i}"
        while h.lower() in {x.lower() for x in headers}:
            h += " (2)"
        headers.append(h)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in frame.itertuples(index=False, name=None):
        ws.append([_cell_value(v) for v in row])
    formats = [number_format(h, frame[c]) for h, c in zip(headers, frame.columns, strict=True)]
    for i, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        values = frame[name].head(200).map(lambda v: len(str(v)) if v is not None else 0)
        width = min(max([len(headers[i - 1]) + 2, *(values.tolist() or [0])]) + 2, 80)
        ws.column_dimensions[letter].width = max(width, 12) if formats[i - 1] == DATE_FORMAT_XLSX else width
        if formats[i - 1]:
            for cell in ws[letter][1:]:
                cell.number_format = formats[i - 1]
        if width >= 60:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if headers:
        # The table carries the filter; a sheet filter over the same cells would make Excel repair the file.
        # An empty extract still gets one (empty) data row: a table of a header alone is invalid.
        ref = f"A1:{get_column_letter(len(headers))}{max(len(frame), 1) + 1}"
        table = Table(displayName=TABLE_NAME, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        ws.add_table(table)

    about = wb.create_sheet(ABOUT_SHEET)
    for label, value in about_rows(ctx, n_rows=len(frame), made=made, columns=headers):
        about.append([label, value])
    about.append([])
    about.append([ABOUT_COLUMNS_HEADING])
    about.append(["Kolonne", "Innhold"])
    heading_row = about.max_row
    for h, c in zip(headers, frame.columns, strict=True):
        about.append([h, column_description(h, frame[c])])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about.cell(heading_row, 2).font = Font(bold=True)
    about.column_dimensions["A"].width = 24
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
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 200.0 jobs (a nullable column read as float) is 200
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime, int, float, str, bool)):
        return value
    return str(value)


def read_excel_data(data: bytes) -> pd.DataFrame:
    """Read the "Data" sheet back (tests, and anyone checking an export)."""
    return pd.read_excel(io.BytesIO(data), sheet_name=DATA_SHEET, engine="openpyxl")


def _about_rows_back(data: bytes) -> list[tuple]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    return [tuple(r[:2]) + (None,) * (2 - len(r[:2])) for r in wb[ABOUT_SHEET].iter_rows(values_only=True)]


def about_dict(data: bytes) -> Mapping[str, str]:
    """The "Om uttrekket" facts (title, filters, source …), up to the blank row before the column list."""
    out: dict[str, str] = {}
    for label, value in _about_rows_back(data):
        if label is None:
            break
        out[str(label)] = str(value)
    return out


def about_columns(data: bytes) -> list[tuple[str, str]]:
    """The (column, what it holds) rows of "Om uttrekket", in the order of the "Data" sheet."""
    rows = _about_rows_back(data)
    start = [r[0] for r in rows].index(ABOUT_COLUMNS_HEADING) + 2
    return [(str(a), str(b)) for a, b in rows[start:]]

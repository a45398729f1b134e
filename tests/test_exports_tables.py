"""CSV and Excel downloads: open the files again and compare with the data."""

import datetime as dt
import io

import pandas as pd

from dashboard.exports import tables
from exports_helpers import MADE, context, statements


def test_csv_has_bom_norwegian_headers_and_source_columns():
    df = statements(4)
    data = tables.to_csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel shows æøå"
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns[:3]) == ["Utsagn-ID", "Enhet", "Møtedato"]
    assert list(back.columns[-4:]) == ["Kildefil", "Side", "Linje fra", "Linje til"]
    assert back["Enhet"].tolist() == df["unit_name"].tolist()
    assert back["Utsagn"].tolist() == df["text"].tolist()  # æøå and «» survive
    assert back["Temaer"].iloc[0] == "forsvar, naeringsareal"
    assert back["Møtedato"].iloc[0] == "2025-10-23"


def test_excel_reads_back_equal_with_dates_and_about_sheet():
    df = statements(5)
    ctx = context("Utsagn om forsvar", "forsvar-utsagn")
    data = tables.to_excel_bytes(df, ctx, made=MADE)
    back = tables.read_excel_data(data)
    expected = tables.export_frame(df)
    assert list(back.columns) == list(expected.columns)
    assert "Kildefil" in back.columns and "Linje til" in back.columns
    assert pd.api.types.is_datetime64_any_dtype(back["Møtedato"]), "dates are real Excel dates"
    assert [d.date() for d in back["Møtedato"]] == expected["Møtedato"].tolist()
    for col in ("Enhet", "Utsagn", "Temaer", "Kildefil"):
        assert back[col].tolist() == expected[col].tolist()
    for col in ("Side", "Linje fra", "Linje til"):
        assert back[col].astype(int).tolist() == expected[col].astype(int).tolist()
    about = tables.about_dict(data)
    assert about["Tittel"] == "Utsagn om forsvar"
    assert about["Tema"] == "Forsvar" and about["Region"] == "Alle"
    assert about["Periode"] == "23.10.2025–12.03.2026"
    assert about["Kilde"].startswith("referater fra Osloregionens faggruppe for Næringssamarbeid")
    assert about["Laget"] == "26.11.2026"
    assert about["Antall rader"] == "5"


def test_excel_header_row_and_date_format():
    from openpyxl import load_workbook

    data = tables.to_excel_bytes(statements(2), context(), made=MADE)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Data", "Om uttrekket"]
    ws = wb["Data"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    date_col = [c.column_letter for c in ws[1] if c.value == "Møtedato"][0]
    assert ws[f"{date_col}2"].number_format == "DD.MM.YYYY"


def test_page_data_with_norwegian_columns_passes_through_with_its_dates_as_dates():
    df = pd.DataFrame({"Møtedato": ["23.10.2025", "–"], "Tema": ["Forsvar", "Bolig"], "Utsagn": [3, 1200]})
    data = tables.to_excel_bytes(df, context(), made=MADE)
    back = tables.read_excel_data(data)
    assert back["Tema"].tolist() == ["Forsvar", "Bolig"] and back["Utsagn"].tolist() == [3, 1200]
    assert back["Møtedato"].iloc[0] == pd.Timestamp("2025-10-23") and pd.isna(back["Møtedato"].iloc[1])
    # A column a page named "Utsagn" counts statements: described as a number, not as statement text.
    assert tables.about_columns(data) == [("Møtedato", "Datoen for møtet (dato i Excel, dd.mm.åååå)."),
                                          ("Tema", "Temaets navn."), ("Utsagn", "Antall utsagn (tall).")]


def test_excel_dates_jobs_and_amounts_are_typed_cells_with_norwegian_formats():
    from openpyxl import load_workbook

    df = statements(3).assign(jobs=[200, None, "1 200"], amount_nok=[1_500_000_000.0, 250_000.0, None],
                              event_date=["01.02.2026", "–", "15.03.2026"])
    wb = load_workbook(io.BytesIO(tables.to_excel_bytes(df, context(), made=MADE)))
    ws = wb["Data"]
    col = {c.value: c.column_letter for c in ws[1]}
    cells = lambda name: [ws[f"{col[name]}{r}"] for r in range(2, 5)]
    assert [c.value for c in cells("Arbeidsplasser")] == [200, None, 1200]
    assert [c.value for c in cells("Beløp (kr)")] == [1_500_000_000, 250_000, None]
    assert {c.data_type for c in cells("Arbeidsplasser") + cells("Beløp (kr)") if c.value is not None} == {"n"}
    # "#,##0" is how the file stores Norwegian "# ##0": Excel groups with the reader's separator (a space).
    assert {c.number_format for c in cells("Arbeidsplasser") + cells("Beløp (kr)")} == {"#,##0"}
    assert [c.value.date() if c.value else None for c in cells("Dato for hendelse")] == [
        dt.date(2026, 2, 1), None, dt.date(2026, 3, 15)]
    assert {c.number_format for c in cells("Dato for hendelse") + cells("Møtedato")} == {"DD.MM.YYYY"}
    assert {c.is_date for c in cells("Møtedato")} == {True}
    assert {c.number_format for c in cells("Linje fra")} == {"0"}, "a line number is not 1 234"


def test_excel_data_sheet_is_pivot_ready():
    from openpyxl import load_workbook

    df = statements(4)
    wb = load_workbook(io.BytesIO(tables.to_excel_bytes(df, context(), made=MADE)))
    ws = wb["Data"]
    assert not ws.merged_cells.ranges
    assert ws.freeze_panes == "A2"
    assert list(ws.tables) == ["Data"]
    table = ws.tables["Data"]
    n_cols = len(tables.export_frame(df).columns)
    assert table.ref == f"A1:{ws.cell(1, n_cols).column_letter}5" == ws.dimensions
    assert table.headerRowCount == 1 and table.autoFilter.ref == table.ref
    assert [c.name for c in table.tableColumns] == [c.value for c in ws[1]]
    assert ws.auto_filter.ref is None, "the table carries the filter; two filters make Excel repair the file"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4 and all(any(v is not None for v in r) for r in rows), "no blank rows"
    # An empty extract is still a valid table (a header alone is not).
    empty = load_workbook(io.BytesIO(tables.to_excel_bytes(df.head(0), context(), made=MADE)))["Data"]
    assert empty.tables["Data"].ref.endswith("2")


def test_about_sheet_lists_exactly_the_columns_present():
    df = statements(2)
    data = tables.to_excel_bytes(df, context(), made=MADE)
    listed = tables.about_columns(data)
    assert [name for name, _ in listed] == list(tables.read_excel_data(data).columns)
    assert dict(listed)["Kildefil"] == "Referatfilen utsagnet er hentet fra."
    assert "Sporbarhet" in tables.about_dict(data)

    more = tables.to_excel_bytes(df.assign(jobs=[1, 2], fylke_note=["x", "y"]), context(), made=MADE)
    assert [n for n, _ in tables.about_columns(more)] == [n for n, _ in listed[:-4]] + [
        "Arbeidsplasser", "fylke_note", "Kildefil", "Side", "Linje fra", "Linje til"]
    assert dict(tables.about_columns(more))["fylke_note"] == "Tekst."

    fewer = tables.to_excel_bytes(df.drop(columns=["source_file", "page", "line_start", "line_end", "text"]),
                                  context(), made=MADE)
    assert [n for n, _ in tables.about_columns(fewer)] == ["Utsagn-ID", "Enhet", "Møtedato", "Temaer"]
    assert "Sporbarhet" not in tables.about_dict(fewer), "no claim about source columns that are not there"


def test_no_cell_in_a_csv_or_excel_download_runs_as_a_formula():
    import io as _io

    from openpyxl import load_workbook

    from dashboard.exports import tables
    from exports_helpers import context

    hostile = ['=HYPERLINK("http://evil.example","klikk")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "vanlig tekst"]
    df = pd.DataFrame({"text": hostile, "n": [1, 2, 3, 4, 5]})
    csv = tables.to_csv_bytes(df).decode("utf-8-sig").splitlines()
    assert [line.split(";")[0].strip('"') for line in csv[1:]] == [
        "'=HYPERLINK(\"\"http://evil.example\"\",\"\"klikk\"\")", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "'-2+3", "vanlig tekst"]
    wb = load_workbook(_io.BytesIO(tables.to_excel_bytes(df, context(title="=1+1"))))
    cells = [row[0] for row in wb["Data"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == hostile and {c.data_type for c in cells} == {"s"}
    about = {r[0].value: r[1] for r in wb["Om uttrekket"].iter_rows()}
    assert (about["Tittel"].value, about["Tittel"].data_type) == ("=1+1", "s")

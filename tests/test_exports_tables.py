"""CSV and Excel downloads: open the files again and compare with the data."""

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


def test_page_data_with_norwegian_columns_passes_through():
    df = pd.DataFrame({"Møtedato": ["23.10.2025"], "Tema": ["Forsvar"], "Utsagn": [3]})
    back = tables.read_excel_data(tables.to_excel_bytes(df, context(), made=MADE))
    assert back.to_dict("records") == [{"Møtedato": "23.10.2025", "Tema": "Forsvar", "Utsagn": 3}]


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

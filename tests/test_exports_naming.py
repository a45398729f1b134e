"""File names say what the file is, in ASCII (æøå folded)."""

import datetime as dt

from dashboard.exports.naming import file_name, pack_file_name, slugify
from dashboard.exports.spec import ExportContext


def test_slugify_folds_norwegian_letters():
    assert slugify("Forsvar per region") == "forsvar-per-region"
    assert slugify("Bærum, Økern og Ås") == "baerum-okern-og-aas"
    assert slugify("ÆØÅ – Næringsareal (2025)") == "aeoaa-naeringsareal-2025"
    assert slugify("é ü") == "e-u"
    assert slugify("???") == "uttrekk"


def test_chart_file_name_has_slug_and_last_meeting_date():
    ctx = ExportContext("Utsagn om forsvar per region", "forsvar-per-region", {}, (dt.date(2025, 1, 1), dt.date(2025, 10, 23)))
    assert file_name(ctx, "png") == "forsvar-per-region-2025-10-23.png"
    ctx2 = ExportContext("Tittel", "næring-i-bærum", {}, (None, dt.date(2026, 3, 12)))
    assert file_name(ctx2, "xlsx") == "naering-i-baerum-2026-03-12.xlsx"


def test_pack_file_name_uses_narrowing_filters_only():
    filters = {"Tema": "Forsvar", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"}
    assert pack_file_name(filters, dt.date(2026, 3, 12), "pptx") == "styrepakke-forsvar-2026-03-12.pptx"
    assert pack_file_name({"Tema": "Alle temaer", "Region": "Follo"}, dt.date(2026, 3, 12), "pdf") == (
        "styrepakke-follo-2026-03-12.pdf"
    )

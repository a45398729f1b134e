"""File names say what the file is, in ASCII (æøå folded)."""

import datetime as dt
import re

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


def test_slugify_cuts_on_a_word_boundary():
    assert slugify("styrepakke forsvar næringsareal datasenter", max_length=30) == "styrepakke-forsvar"
    assert slugify("abc defg", max_length=7) == "abc"
    assert slugify("abc defg", max_length=8) == "abc-defg"  # the last word ends exactly at the limit
    assert slugify("abc defg hij", max_length=8) == "abc-defg"
    assert slugify("a" * 90) == "a" * 80  # a single word longer than the limit is all there is to cut


def test_chart_file_names_tell_filtered_views_apart():
    """Two Tema views (Forsvar, Næringsareal) used to both download as tema-over-tid-<date>.png."""
    last = dt.date(2026, 3, 12)

    def name(filters: dict[str, str]) -> str:
        return file_name(ExportContext("Utsagn over tid", "tema-over-tid", filters, (None, last)), "png")

    forsvar = name({"Tema": "Forsvar", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"})
    areal = name({"Tema": "Næringsareal", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"})
    assert forsvar == "tema-over-tid-forsvar-2026-03-12.png"
    assert areal == "tema-over-tid-naeringsareal-2026-03-12.png"
    assert name({"Tema": "Alle temaer", "Region": "Follo, Asker og Bærum"}) == "tema-over-tid-follo-asker-og-baerum-2026-03-12.png"
    assert name({"Enhet": "Ås", "Periode": "Alle"}) == "tema-over-tid-aas-2026-03-12.png"
    assert name({"Søk": "–", "Tema": "Alle", "Enhet": "Alle"}) == "tema-over-tid-2026-03-12.png"


def test_file_names_are_safe_ascii_whatever_the_filter_says():
    hostile = {"Enhet": '<script>alert(1)</script> ../../etc/passwd "Bø"', "Tema": "**fet** [lenke](x)"}
    got = file_name(ExportContext("t", "enhet-tema", hostile, (None, dt.date(2026, 3, 12))), "csv")
    assert got == "enhet-tema-script-alert-1-script-etc-passwd-bo-fet-lenke-x-2026-03-12.csv"


def test_long_selections_keep_whole_names_and_stay_apart():
    themes = ["Forsvar og forsvarsindustri", "Næringsarealer", "Datasentre", "Energi og kraft", "Reiseliv og opplevelser"]
    last = dt.date(2026, 3, 12)
    a = pack_file_name({"Tema": ", ".join(themes), "Region": "Alle"}, last, "pptx")
    b = pack_file_name({"Tema": ", ".join([*themes[:-1], "Havbruk"]), "Region": "Alle"}, last, "pptx")
    assert a != b
    for got in (a, b):  # whole theme names only, then "mfl" (med flere) and a hash of the whole view
        assert re.fullmatch(
            r"styrepakke-forsvar-og-forsvarsindustri-naeringsarealer-datasentre-mfl-[0-9a-f]{6}-2026-03-12\.pptx", got
        ), got
        assert len(got.removesuffix("-2026-03-12.pptx")) <= 80
    chart = file_name(ExportContext("t", "tema-over-tid", {"Tema": ", ".join(themes)}, (None, last)), "png")
    assert re.fullmatch(r"tema-over-tid-forsvar-og-forsvarsindustri-naeringsarealer-datasentre-mfl-[0-9a-f]{6}"
                        r"-2026-03-12\.png", chart), chart
    # One value longer than the room: as many whole words as fit.
    long_search = "datasenter " * 12
    got = file_name(ExportContext("t", "sok", {"Søk": long_search}, (None, last)), "csv")
    assert re.fullmatch(r"sok(-datasenter){6}-mfl-[0-9a-f]{6}-2026-03-12\.csv", got), got
    assert file_name(ExportContext("", "", {}, (None, last)), "csv") == "uttrekk-2026-03-12.csv"

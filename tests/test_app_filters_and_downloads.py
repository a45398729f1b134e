"""Issue #12, finding 8: a link's unknown filter value is named, never silently dropped; no download
reruns the page (a rerun after the .ics click made the next CSV click fail with MediaFileStorageError)."""

from __future__ import annotations

import pytest
from google.protobuf.json_format import MessageToDict

from tests.test_app_pages import PAGES, run_app


def _notices(at) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize(
    "page,params,expected",
    [
        ("tema", {"tema": "' OR 1=1--"}, "Ukjent tema i lenken: «' OR 1\\=1\\-\\-». Filteret er ikke brukt."),
        ("tema", {"region": "Atlantis"}, "Ukjent region i lenken: «Atlantis». Filteret er ikke brukt."),
        ("saker", {"status": "ferdig,glemt"}, "Ukjent status i lenken: «ferdig», «glemt». Filteret er ikke brukt."),
        ("saker", {"type": "x"}, "Ukjent type i lenken: «x». Filteret er ikke brukt."),
        ("sok", {"q": "datasenter", "enhet": "Atlantis"}, "Ukjent enhet i lenken: «Atlantis». Filteret er ikke brukt."),
        ("sok", {"q": "datasenter", "seksjon": "zz"}, "Ukjent seksjon i lenken: «zz». Filteret er ikke brukt."),
        ("moter", {"mote": "1999-01-01-x"}, "Ukjent møte i lenken: «1999\\-01\\-01\\-x». Filteret er ikke brukt."),
        ("tema", {"fra": "i går"}, "Ukjent dato i lenken: «i går». Filteret er ikke brukt."),
        ("gjennomgang", {"ko": "alt"}, "Ukjent kø i lenken: «alt». Filteret er ikke brukt."),
    ],
)
def test_an_unknown_filter_value_in_a_link_is_named(monkeypatch, seed_db, page, params, expected):
    at = run_app(monkeypatch, seed_db, page, params)
    assert expected in _notices(at)


def test_a_known_filter_value_gives_no_notice(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "tema", {"tema": "datasenter"})
    assert not [n for n in _notices(at) if "Ukjent" in n]


def test_a_unit_name_several_units_share_never_opens_one_silently(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "a"})
    notice = [n for n in _notices(at) if n.startswith("Ukjent enhet i lenken: «a» passer på ")]
    assert len(notice) == 1


@pytest.mark.parametrize("page", [p for p in PAGES if p != "legg_til"])
def test_no_download_reruns_the_page_and_none_is_built_before_a_click(monkeypatch, fixture_db, page):
    at = run_app(monkeypatch, fixture_db, page)
    buttons = [MessageToDict(b.proto) for b in at.get("download_button")]
    assert all(b.get("ignoreRerun") for b in buttons), [b["label"] for b in buttons if not b.get("ignoreRerun")]
    assert all(b.get("deferredFileId") or not b.get("url") for b in buttons), "data built before the click"

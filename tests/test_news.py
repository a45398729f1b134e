""""Siden forrige møte" on Oversikt: the grouping of the latest meeting's saker and its one-page PDF."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pypdf import PdfReader

from dashboard import db, queries
from dashboard.exports import news_pdf


@pytest.fixture
def fixture_news(monkeypatch, fixture_db):
    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    meeting, news = queries.latest_sak_news(db.db_version())
    return meeting, news, queries.group_sak_news(news)


def test_the_latest_meetings_saker_fall_into_the_four_groups(fixture_news):
    meeting, news, grouped = fixture_news
    counts = {key: grouped.count(key) for key, _ in queries.NEWS_GROUPS}
    assert str(pd.Timestamp(meeting["meeting_date"]).date()) == EXPECTED_DATE
    assert (counts, grouped.unchanged, grouped.jobs_lost, round(grouped.area_daa)) == EXPECTED
    # Each sak in at most one group, and every sak either grouped or mentioned again.
    ids = [i for key, _ in queries.NEWS_GROUPS for i in grouped.groups[key]["sak_id"]]
    assert len(ids) == len(set(ids)) and len(ids) + grouped.unchanged == len(news)
    assert grouped.groups["nye"]["is_new"].all() and not grouped.groups["status"]["is_new"].any()
    assert set(grouped.groups["nedleggelser"]["kind"]) <= {"nedleggelse"}
    assert set(grouped.groups["areal"]["kind"]) <= {"naeringsareal"}


EXPECTED_DATE = "2026-10-22"
EXPECTED = ({"nye": 2, "status": 1, "nedleggelser": 1, "areal": 0}, 1, 70, 0)


def _pdf_text(blob: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(blob))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def _groups(grouped) -> list[tuple[str, pd.DataFrame]]:
    return [(label, grouped.groups[key]) for key, label in queries.NEWS_GROUPS]


def test_the_pdf_is_one_page_with_the_title_and_an_entry(fixture_news):
    meeting, _, grouped = fixture_news
    day = pd.Timestamp(meeting["meeting_date"]).date()
    blob = news_pdf.news_pdf(meeting, "oppsummering", _groups(grouped), (day, day), made=dt.date(2026, 11, 30))
    pages, text = _pdf_text(blob)
    first = next(rows.iloc[0] for _, rows in _groups(grouped) if not rows.empty)
    flat = " ".join(text.split())
    assert pages == 1
    assert news_pdf.title(day) in flat
    assert " ".join(first["title"].split())[:30] in flat
    assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid" in flat and "Laget 30.11.2026" in flat


def test_a_long_meeting_is_cut_to_one_page_and_says_how_many_more():
    long_text = "Kommunen melder at prosjektet går videre med nye arbeidsplasser og æøå. " * 12
    rows = pd.DataFrame([{
        "sak_id": f"s{i}", "kind": "etablering", "title": f"Etablering nummer {i} på Ås", "unit_name": "Ås",
        "is_new": True, "status_before": None, "mention_status": "planlagt", "jobs": 10 * i, "area_daa": None,
        "text": long_text, "source_file": "referat.pdf", "page": 2, "line_start": 10, "line_end": 12,
    } for i in range(40)])  # fmt: skip
    groups = [(label, rows if key in ("nye", "status") else rows.head(0)) for key, label in queries.NEWS_GROUPS]
    meeting = {"meeting_id": "m", "meeting_date": dt.date(2026, 3, 12)}
    pages, text = _pdf_text(news_pdf.news_pdf(meeting, "40 nye saker", groups, (None, None)))
    flat = " ".join(text.split())
    assert pages == 1
    assert "Siden forrige møte – 12. mars 2026" in flat
    assert "Etablering nummer 0 på Ås" in flat and "Ås · 12.03.2026 · referat.pdf s. 2, l. 10–12" in flat
    shown = flat.count("Etablering nummer") // 2  # each group shows the same first rows
    assert shown >= 1 and flat.count(f"+ {40 - shown} til") == 2


def test_each_sak_lands_in_one_group_closures_and_land_first():
    def row(sak_id, kind, is_new, before, now, jobs=None, area=None):
        return {"sak_id": sak_id, "kind": kind, "is_new": is_new, "status_before": before, "mention_status": now,
                "jobs": jobs, "area_daa": area}

    news = pd.DataFrame([
        row("ny-nedleggelse", "nedleggelse", True, None, "nedlagt", jobs=40),
        row("endret-nedleggelse", "nedleggelse", False, "planlagt", "nedlagt", jobs=30),
        row("gammel-nedleggelse", "nedleggelse", False, "nedlagt", "nedlagt", jobs=99),
        row("nytt-areal", "naeringsareal", True, None, None, area=120.0),
        row("endret-areal", "naeringsareal", False, "planlagt", "vedtatt", area=50.0),
        row("ny-etablering", "etablering", True, None, "planlagt"),
        row("uten-status", "datasenter", False, "planlagt", None),
    ])  # fmt: skip
    grouped = queries.group_sak_news(news)
    ids = {key: list(grouped.groups[key]["sak_id"]) for key, _ in queries.NEWS_GROUPS}
    assert ids == {"nye": ["ny-etablering"], "status": ["endret-areal"],
                   "nedleggelser": ["ny-nedleggelse", "endret-nedleggelse"], "areal": ["nytt-areal"]}  # fmt: skip
    assert (grouped.unchanged, grouped.jobs_lost, grouped.area_daa) == (2, 70, 120.0)
    counts = {key: len(v) for key, v in ids.items()}
    assert news_pdf.summary_line(counts, grouped.jobs_lost, grouped.area_daa, grouped.unchanged) == (
        "1 ny sak · 1 statusendring · 2 nedleggelser (70 arbeidsplasser) · 1 nytt næringsareal (120 daa) · "
        "2 nevnt igjen uten endring")

"""Kalender (/kalender): upcoming and past events from the minutes, downloadable as .ics."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import queries
from dashboard.components.common import context, page_header, version
from dashboard.components.downloads import table_downloads
from dashboard.components.statements import source_ref
from dashboard.formatting import fmt_date_long, fmt_date_short, fmt_int
from dashboard.ics import CalendarEvent, to_ics

PAST_LIMIT = 200

v = version()
page_header("Kalender", "Arrangementer som er nevnt i referatene – kommende og tidligere.")
events = queries.events(v)
today = dt.date.today()

if events.empty:
    st.info("Ingen arrangementer funnet i referatene ennå. De hentes fra saken «Kommende arrangementer».")
    st.stop()

dates = pd.to_datetime(events["event_date"]).dt.date
has_date = events["event_date"].notna()
upcoming = events[has_date & (dates >= today)]
past = events[has_date & (dates < today)].iloc[::-1]
undated = events[~has_date]


def _table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Dato": [fmt_date_short(d) if pd.notna(d) else "uten dato" for d in df["event_date"]],
        "Arrangement": df["title"],
        "Arrangør": df["organiser"].fillna(""),
        "Lenke": df["url"].fillna(""),
        "Nevnt i møte": [fmt_date_short(d) for d in df["meeting_date"]],
        "Kilde": [source_ref(*r) for r in df[["source_file", "page", "line_start", "line_end"]].itertuples(
            index=False, name=None)],
    })


def _s(value) -> str | None:
    """A text value, or None for NULL/NA/empty."""
    return value if isinstance(value, str) and value.strip() else None


@st.cache_data(show_spinner=False, max_entries=16)
def _calendar_cached(version, which: str, today: dt.date) -> bytes:
    """The .ics of the upcoming (or all dated) events, built once per database version and day."""
    ev = queries.events(version)
    dated = ev[ev["event_date"].notna()]
    if which == "upcoming":
        dated = dated[pd.to_datetime(dated["event_date"]).dt.date >= today]
    return _calendar(dated)


def _calendar(df: pd.DataFrame) -> bytes:
    items = [
        CalendarEvent(
            uid=r.event_id,
            date=pd.Timestamp(r.event_date).date(),
            summary=r.title,
            description="\n".join(filter(None, [
                f"Arrangør: {r.organiser}" if _s(r.organiser) else None,
                f"Nevnt i møtet i faggruppen for Næringssamarbeid {fmt_date_long(r.meeting_date)}.",
                f"Kilde: {source_ref(r.source_file, r.page, r.line_start, r.line_end)}",
                f"Tekst: {r.source_text}" if _s(r.source_text) else None,
            ])),
            url=_s(r.url),
        )
        for r in df.itertuples()
    ]
    return to_ics(items).encode("utf-8")


c = st.columns(3)
c[0].metric("Kommende", fmt_int(len(upcoming)))
c[1].metric("Tidligere", fmt_int(len(past)))
c[2].metric("Uten dato", fmt_int(len(undated)))

# Built on click and without a rerun (on_click="ignore"), like every other download: a rerun
# after the .ics click dropped the page's other files, and a CSV click right after failed.
cols = st.columns(2)
cols[0].download_button(
    "Last ned kommende arrangementer (.ics)", lambda: _calendar_cached(v, "upcoming", today),
    file_name="naeringspuls-kommende.ics", mime="text/calendar", key="kalender-ics-kommende", on_click="ignore",
    disabled=upcoming.empty, icon=":material/calendar_month:",
)  # fmt: skip
cols[1].download_button(
    "Last ned alle arrangementer (.ics)", lambda: _calendar_cached(v, "all", today),
    file_name="naeringspuls-arrangementer.ics", mime="text/calendar", key="kalender-ics-alle", on_click="ignore",
    icon=":material/calendar_month:",
)  # fmt: skip
st.caption(f"I dag er {fmt_date_long(today)}. Kalenderfilen kan åpnes i Outlook, Google Kalender og Apple Kalender.")

config = {"Lenke": st.column_config.LinkColumn("Lenke"), "Arrangement": st.column_config.TextColumn(width="large")}
st.subheader("Kommende arrangementer")
if upcoming.empty:
    st.info("Ingen kommende arrangementer. Nye hentes inn når neste referat er lastet inn.")
else:
    if len(upcoming) > PAST_LIMIT:  # a national archive: thousands ahead; the .ics has them all
        st.caption(f"Viser de {fmt_int(PAST_LIMIT)} første av {fmt_int(len(upcoming))} kommende arrangementer. "
                   "Alle er med i kalenderfilen.")
    t = _table(upcoming.head(PAST_LIMIT))
    st.dataframe(t, hide_index=True, width="stretch", column_config=config, key="kalender-kommende")
    table_downloads(t, context("Kommende arrangementer", "kommende-arrangementer", {}, (today, None)),
                    key="kalender-kommende-dl")

st.subheader("Tidligere arrangementer")
if past.empty:
    st.caption("Ingen tidligere arrangementer.")
else:
    if len(past) > PAST_LIMIT:
        st.caption(f"Viser de {fmt_int(PAST_LIMIT)} siste av {fmt_int(len(past))} tidligere arrangementer. "
                   "Alle er med i kalenderfilen.")
    t = _table(past.head(PAST_LIMIT))
    st.dataframe(t, hide_index=True, width="stretch", column_config=config, key="kalender-tidligere")
    table_downloads(t, context("Tidligere arrangementer", "tidligere-arrangementer", {}, (None, today)),
                    key="kalender-tidligere-dl")

if not undated.empty:
    st.subheader("Uten dato")
    st.dataframe(_table(undated), hide_index=True, width="stretch", column_config=config, key="kalender-udatert")

"""Næringspuls dashboard: entry point for ``streamlit run dashboard/streamlit_app.py``.

Pages (URL paths are stable, bookmarks depend on them):
``/`` Oversikt, ``/saker`` Saker, ``/tema`` Tema, ``/enhet`` Enhet, ``/moter`` Møter,
``/kalender`` Kalender, ``/sok`` Søk, ``/gjennomgang`` Gjennomgang, ``/styrepakke`` Styrepakke; for a redaktør
also ``/legg-til`` Legg til referat (unless read-only; it runs even before there is a database) and ``/logg`` Logg
(the audit log).

Who sees what is :mod:`dashboard.auth`: with login configured, a visitor first signs in, and one with no role
sees only "Ingen tilgang"; pages a leser may not use are left out of the navigation (and guard themselves).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts dashboard/ on the path, not the repo root
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import auth, db, queries  # noqa: E402
from dashboard.components import correct  # noqa: E402
from dashboard.components.empty import no_data, unavailable, unreadable  # noqa: E402
from dashboard.style import register_template  # noqa: E402

# A local favicon: a ":material/…" icon here would be fetched from a font CDN (no internet, no CDN).
st.set_page_config(page_title="Næringspuls", page_icon=str(Path(__file__).parent / "assets" / "favicon.png"), layout="wide")
register_template()

access = auth.current()


def no_access() -> None:
    auth.no_access_page(access)


gate = None
if not auth.serving_allowed(access):
    gate = auth.refused_page
elif access.mode == auth.LOGIN and not access.logged_in:
    gate = auth.login_page
elif access.role is None:
    gate = no_access
if gate is not None:  # nothing of the dashboard: one hidden page, whatever the URL asked for
    st.navigation([st.Page(gate, title="Næringspuls", default=True)], position="hidden").run()
    st.stop()

PAGES = [
    st.Page("app_pages/oversikt.py", title="Oversikt", icon=":material/dashboard:", url_path="", default=True),
    st.Page("app_pages/saker.py", title="Saker", icon=":material/work:", url_path="saker"),
    st.Page("app_pages/tema.py", title="Tema", icon=":material/category:", url_path="tema"),
    st.Page("app_pages/enhet.py", title="Enhet", icon=":material/location_city:", url_path="enhet"),
    st.Page("app_pages/moter.py", title="Møter", icon=":material/description:", url_path="moter"),
    st.Page("app_pages/kalender.py", title="Kalender", icon=":material/event:", url_path="kalender"),
    st.Page("app_pages/sok.py", title="Søk", icon=":material/search:", url_path="sok"),
    st.Page("app_pages/gjennomgang.py", title="Gjennomgang", icon=":material/fact_check:", url_path="gjennomgang"),
    st.Page("app_pages/styrepakke.py", title="Styrepakke", icon=":material/slideshow:", url_path="styrepakke"),
]
UPLOAD_PATH = "legg-til"
if access.can_edit:
    PAGES.append(st.Page("app_pages/legg_til.py", title="Legg til referat", icon=":material/upload_file:",
                         url_path=UPLOAD_PATH))
if access.is_editor:
    PAGES.append(st.Page("app_pages/logg.py", title="Logg", icon=":material/history:", url_path="logg"))

page = st.navigation(PAGES)

with st.sidebar:
    st.caption("Næringspuls – referater fra Osloregionens faggruppe for Næringssamarbeid.")
    auth.sidebar(access)

try:
    version = db.db_version()
    if page.url_path in (UPLOAD_PATH, "logg"):  # adding minutes (and its log) work with no (or an empty) database
        page.run()
    elif version is None:
        no_data(missing_db=True)
    elif queries.summary(version)["n_meetings"] == 0:
        no_data(missing_db=False)
    else:
        with st.sidebar:
            correct.read_only_notice()
        correct.flash()
        page.run()
except db.DatabaseUnreadable as exc:
    unreadable(str(exc))
except db.DatabaseUnavailable as exc:
    unavailable(str(exc))
except duckdb.Error as exc:  # e.g. a half-written or foreign file: never show a traceback
    unreadable(type(exc).__name__)

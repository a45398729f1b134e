"""What the Styrepakke page offers: every slide it can make for a view, with a Norwegian title
and comment to start from.

Each slide reuses the figure and query of the page that shows it (the map of Oversikt, the
heatmap, Saker's key figures, register and status bars, Tema's trends), so the pack shows
what the pages show.  Used by the page and by the tests that render the pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from dashboard import charts, queries, sak_charts
from dashboard.components.saker import register_frame
from dashboard.exports.pack import KEY_FIGURES_TITLE, SlideRequest
from dashboard.exports.spec import ExportContext
from dashboard.map import unit_map
from dashboard.trend_charts import region_trend

REGISTER_COLUMNS = ["Sak", "Type", "Status", "Enhet", "Sist nevnt"]


@dataclass(frozen=True)
class PackView:
    """The filters the slides are made for (the page's Tema, Region and period)."""

    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    fra: dt.date | None = None
    til: dt.date | None = None
    grain: str = "quarter"
    labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # label → value
    period: tuple[dt.date | None, dt.date | None] = (None, None)
    corrections: int = 0

    @property
    def statement_filter(self) -> queries.StatementFilter:
        return queries.StatementFilter(self.themes, self.regions, self.fra, self.til)

    @property
    def sak_filter(self) -> queries.SakFilter:
        return queries.SakFilter(themes=self.themes, regions=self.regions, fra=self.fra, til=self.til)

    def ctx(self, title: str, slug: str) -> ExportContext:
        return ExportContext(title, slug, dict(self.labels), self.period, self.corrections)


@dataclass(frozen=True)
class SlideKind:
    label: str  # in the picker
    title: str  # the slide's default title
    comment: str  # the default comment
    make: Callable[[object, PackView, str, str], SlideRequest]


def _map(v, view: PackView, title: str, comment: str) -> SlideRequest:
    df = queries.unit_map(v)
    return SlideRequest(view.ctx(title, "kart"), fig=unit_map(df), data=df, comment=comment)


def _heatmap(v, view: PackView, title: str, comment: str) -> SlideRequest:
    df = queries.themes_by_region(v)
    return SlideRequest(view.ctx(title, "tema-per-region"), fig=charts.region_theme_heatmap(df), data=df, comment=comment)


def _key_figures(v, view: PackView, title: str, comment: str) -> SlideRequest:
    return SlideRequest(view.ctx(title, "nokkeltall"), key_figures=queries.sak_key_figures(v, view.sak_filter),
                        comment=comment)  # fmt: skip


def _register(v, view: PackView, title: str, comment: str) -> SlideRequest:
    rows, _ = queries.saker(v, view.sak_filter)
    return SlideRequest(view.ctx(title, "saker"), data=register_frame(rows)[REGISTER_COLUMNS], comment=comment)


def _status(v, view: PackView, title: str, comment: str) -> SlideRequest:
    df = queries.saker_by_kind_and_status(v, view.sak_filter)
    return SlideRequest(view.ctx(title, "saker-status"), fig=sak_charts.status_bars(df), data=df, comment=comment)


def _theme_trend(v, view: PackView, title: str, comment: str) -> SlideRequest:
    df = queries.theme_trend(v, view.statement_filter, view.grain)
    return SlideRequest(view.ctx(title, "tema-over-tid"), fig=charts.theme_trend(df, grain=view.grain), data=df, comment=comment)


def _by_unit(v, view: PackView, title: str, comment: str) -> SlideRequest:
    df = queries.theme_by_unit(v, view.statement_filter)
    return SlideRequest(view.ctx(title, "tema-per-enhet"), fig=charts.unit_bars(df), data=df, comment=comment)


def _group_trend(by: str):
    def make(v, view: PackView, title: str, comment: str) -> SlideRequest:
        df = queries.group_trend(v, view.statement_filter, view.grain, by)
        return SlideRequest(view.ctx(title, f"tema-per-{by}"), fig=region_trend(df, view.grain), data=df, comment=comment)

    return make


# In the order the picker lists them; the ids are stable (the e2e test and bookmarks of a pack use them).
SLIDES: dict[str, SlideKind] = {
    "nokkeltall": SlideKind("Nøkkeltall for sakene", KEY_FIGURES_TITLE,
                            "Sakene er telt én gang hver, med siste tall som er nevnt.", _key_figures),
    "kart": SlideKind("Kart over kommuner og regioner", "Hvor det rapporteres",
                      "Størrelsen viser hvor mange utsagn hver kommune og region har gitt.", _map),
    "varmekart": SlideKind("Temaer per region (varmekart)", "Temaer per region",
                           "Antall utsagn per tema i de mest aktive regionene.", _heatmap),
    "tema-over-tid": SlideKind("Utsagn per tema over tid", "Utsagn per tema over tid",
                               "Hvordan temaene har utviklet seg fra møte til møte.", _theme_trend),
    "tema-per-enhet": SlideKind("Utsagn per kommune og region", "Utsagn per kommune og region",
                                "Hvem som rapporterer mest om temaene i utvalget.", _by_unit),
    "trend-region": SlideKind("Trend per region", "Utsagn per region over tid",
                              "Kommunene er summert i sin region; linjen er snittet av de tre siste periodene.",
                              _group_trend("region")),
    "trend-kommune": SlideKind("Trend per kommune", "Utsagn per kommune over tid",
                               "De mest aktive kommunene; linjen er snittet av de tre siste periodene.",
                               _group_trend("kommune")),
    "saker-status": SlideKind("Saker per type og status", "Saker per type og status",
                              "Hvor langt sakene har kommet.", _status),
    "saker": SlideKind("Sakstabellen", "Saker i utvalget",
                       "De sist omtalte sakene; hele listen finnes på siden Saker.", _register),
}  # fmt: skip


def make_slide(v, view: PackView, kind: str, title: str | None = None, comment: str | None = None) -> SlideRequest:
    """The slide ``kind`` for ``view``, with the user's title and comment (or the defaults)."""
    spec = SLIDES[kind]
    return spec.make(v, view, (title or "").strip() or spec.title, spec.comment if comment is None else comment)

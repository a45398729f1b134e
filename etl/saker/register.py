"""From linked mentions to the register: one :class:`~etl.model.Sak` per cluster, one
:class:`~etl.model.SakMention` per mention, with ids that survive rebuilds.

Reading rules (docs/extraction.md, "Linking saker"):

* kind — the kind most of its mentions give (ties: datasenter, nedleggelse,
  etablering, næringsareal, finansiering, plan);
* unit — the kommune that reported it most often; a sak only sub-regions
  reported belongs to the one kommune its places lie in, if there is one, else
  to the sub-region;
* status — that of the latest mention that gives one, with that meeting's date,
  except that a project does not go back: "skal stå ferdig i 2028" after
  "under bygging" leaves it under construction (a stop, a closure, or anything
  after a stop, always counts);
* jobs, amount and area — the latest figure reported (jobs also the largest),
  so a sak reported ten times counts its jobs once;
* title — the first mention, shortened ("Nedleggelse av Blowtech-fabrikken
  (70 ansatte)"); a thing listed with others is "<kind>: <part>".

Ids: ``sak-`` and 10 hex digits of a hash of the sak's kind, unit and first
mention, so a rebuild gives the same id to the same thing.  When a previous
build is at hand, a sak keeps the id its mentions had there (by the mention's
key: unit, text, part and meeting date), so adding an older meeting that
mentions it earlier does not change its id either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping

from etl.model import Sak, SakMention
from etl.saker.features import Mention
from etl.saker.link import Linked
from etl.saker.rules import RuleOutcome
from etl.vocab import SAK_KIND_LABELS, SAK_KINDS, SAK_STATUSES

TITLE_CHARS = 90


def short_title(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split()).rstrip(" .;:")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut} …"


def _title(first: Mention) -> str:
    if first.part:
        return short_title(f"{SAK_KIND_LABELS[first.kind]}: {first.text}")
    return short_title(first.text)


def _kind(ms: list[Mention]) -> str:
    counts = Counter(m.kind for m in ms)
    return max(counts, key=lambda k: (counts[k], -SAK_KINDS.index(k)))


def _owner(ms: list[Mention]) -> Mention:
    """The mention whose unit owns the sak: the kommune reporting it most, else the most frequent unit."""
    kommuner = [m for m in ms if m.unit and m.unit_kind == "kommune"]
    pool = kommuner or [m for m in ms if m.unit] or ms
    counts = Counter(m.unit for m in pool)
    first: dict[str | None, Mention] = {}
    for m in pool:
        first.setdefault(m.unit, m)
    top = max(counts, key=lambda u: (counts[u], -first[u].index))
    return first[top]


def _ordered_union(values) -> list[str]:
    """Distinct values, most frequent first; a genitive ("Microsofts") folds into its name."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, v in enumerate(values):
        counts[v] += 1
        first.setdefault(v, i)
    for v in list(counts):
        if v.endswith("s") and v[:-1] in counts:
            counts[v[:-1]] += counts.pop(v)
    return sorted(counts, key=lambda v: (-counts[v], first[v]))


def _latest(ms: list[Mention], attr: str):
    for m in reversed(ms):
        value = getattr(m, attr)
        if value is not None:
            return value, m
    return None, None


_PROGRESS = {s: i for i, s in enumerate(SAK_STATUSES)}
_HALTS = ("stanset", "nedlagt")


def sak_status(ms: list[Mention]) -> tuple[str | None, Mention | None]:
    """The sak's status and the mention that gave it (see the module docstring)."""
    status: str | None = None
    source: Mention | None = None
    for m in ms:
        s = m.status
        if s is None:
            continue
        if status is None or status in _HALTS or s in _HALTS or _PROGRESS[s] >= _PROGRESS[status]:
            status, source = s, m
    return status, source


KommuneInfo = tuple[str, str | None, str | None]  # (name, kommunenummer, sub-region)


def _where(ms: list[Mention], owner: Mention, kommuner: Mapping[str, KommuneInfo]) -> tuple:
    """(unit, unit kind, kommunenummer, region) of a sak: its kommune's when a kommune reported it;
    when only a sub-region did, the one kommune its places lie in ("Mjøsdata på Ottestad i Stange"
    is Stange's), else the sub-region."""
    if owner.unit_kind == "kommune":
        return owner.unit, owner.unit_kind, owner.kommunenummer, owner.region
    found = {k for m in ms for k in m.kommuner if k in kommuner}
    if len(found) == 1:
        name, number, region = kommuner[found.pop()]
        return name, "kommune", number, region
    return owner.unit, owner.unit_kind, None, owner.region


def base_id(kind: str, owner: str | None, first: Mention) -> str:
    basis = f"{kind}|{owner or ''}|{first.key}"
    return "sak-" + hashlib.sha1(basis.encode()).hexdigest()[:10]


def assemble(
    mentions: list[Mention],
    linked: Linked,
    *,
    previous: Mapping[str, str] | None = None,
    kommuner: Mapping[str, KommuneInfo] | None = None,
    outcome: RuleOutcome | None = None,
) -> tuple[list[Sak], list[SakMention]]:
    """The register and its mentions. ``previous`` maps mention keys to the sak ids of the
    last build; ``kommuner`` maps case-folded kommune names to (name, kommunenummer, region);
    ``outcome`` carries people's renames, statuses and which saker they corrected."""
    previous = previous or {}
    kommuner = kommuner or {}
    clusters = [c for c in linked.clusters() if c]
    clusters.sort(key=lambda c: c[0])
    used: set[str] = set()
    drafts: list[tuple[list[Mention], Sak]] = []
    wanted: dict[int, str] = {}
    # Keep last build's ids first: the cluster holding most of an old sak's mentions takes its id.
    votes: list[tuple[int, int, str]] = []
    for n, cluster in enumerate(clusters):
        counts = Counter(previous[mentions[i].key] for i in cluster if mentions[i].key in previous)
        votes += [(-count, n, old) for old, count in counts.items()]
    for _, n, old in sorted(votes):
        if n not in wanted and old not in used:
            wanted[n] = old
            used.add(old)
    for n, cluster in enumerate(clusters):
        ms = [mentions[i] for i in cluster]
        first = ms[0]
        kind = _kind(ms)
        unit, unit_kind, kommunenummer, region = _where(ms, _owner(ms), kommuner)
        sak_id = wanted.get(n)
        if sak_id is None:
            sak_id = candidate = base_id(kind, unit, first)
            k = 2
            while sak_id in used:
                sak_id, k = f"{candidate}-{k}", k + 1
            used.add(sak_id)
        status, status_m = sak_status(ms)
        status_date = status_m.meeting_date if status_m else None
        title = _title(first)
        corrected = False
        if outcome is not None:
            members = set(cluster)
            corrected = bool(members & outcome.touched)
            for i in cluster:
                if i in outcome.titles:
                    title = outcome.titles[i]
                if i in outcome.statuses:  # a person's status holds from the latest mention on
                    status, status_date = outcome.statuses[i][0], ms[-1].meeting_date
        jobs, _ = _latest(ms, "jobs")
        amount, _ = _latest(ms, "amount_nok")
        area, _ = _latest(ms, "area_daa")
        jobs_all = [m.jobs for m in ms if m.jobs is not None]
        sak = Sak(
            sak_id=sak_id,
            kind=kind,
            title=title,
            unit_name=unit,
            unit_kind=unit_kind,
            kommunenummer=kommunenummer,
            region=region,
            themes=_ordered_union(t for m in ms for t in m.themes),
            organisations=_ordered_union(o for m in ms for o in m.organisation_names),
            places=_ordered_union(p for m in ms for p in m.place_names),
            first_mentioned=first.meeting_date,
            last_mentioned=ms[-1].meeting_date,
            n_mentions=len({m.statement_id for m in ms}),
            n_meetings=len({m.meeting_id for m in ms}),
            status=status,
            status_date=status_date,
            jobs=jobs,
            jobs_max=max(jobs_all) if jobs_all else None,
            amount_nok=amount,
            area_daa=area,
            first_statement_id=first.statement_id,
            corrected=corrected,
        )
        drafts.append((ms, sak))
    saker = [sak for _, sak in drafts]
    rows = [
        SakMention(
            statement_id=m.statement_id, sak_id=sak.sak_id, meeting_id=m.meeting_id, meeting_date=m.meeting_date,
            part=m.part, status=m.status, jobs=m.jobs, amount_nok=m.amount_nok, area_daa=m.area_daa,
            score=linked.scores[m.index], mention_key=m.key,
        )
        for ms, sak in drafts
        for m in ms
    ]
    rows.sort(key=lambda r: (r.meeting_date or dt.date.min, r.statement_id, r.part))
    return saker, rows


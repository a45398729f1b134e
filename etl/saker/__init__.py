"""The register of saker: the things the minutes follow, built from their mentions.

``etl.extract.saker`` decides, per statement, whether it reports on a sak and
in what state; this package links those mentions across meetings and
assembles the register:

* ``features``    – one normalised :class:`~etl.saker.features.Mention` per statement (or listed part);
* ``comparisons`` – the linking model: blocking, comparison levels and weights, threshold;
* ``link``        – one pass in meeting order, each mention joining its best match;
* ``register``    – :class:`~etl.model.Sak` and :class:`~etl.model.SakMention` rows with stable ids;
* ``evaluate``    – pairwise and B-cubed scores against a hand-labelled archive.

``build_register`` is the one entry point the warehouse uses.
"""

from __future__ import annotations

from collections.abc import Mapping

from etl.extract.units import Gazetteer, load_gazetteer
from etl.model import Sak, SakMention
from etl.saker.features import mentions_from_rows
from etl.saker.link import link
from etl.saker.register import assemble
from etl.saker.rules import RuleOutcome, apply_rules


def build_register(
    rows: list[dict], *, previous: Mapping[str, str] | None = None, gazetteer: Gazetteer | None = None,
    rules: list | None = None,
) -> tuple[list[Sak], list[SakMention], dict[str, str | None]]:
    """Saker and mentions from statement rows that carry a ``sak_kind``, in meeting order.

    Each row has the statement's id, meeting id and date, seq, unit fields, text,
    themes, organisations, places, jobs, amount_nok, area_daa, sak_kind,
    sak_status and sak_parts.  ``previous`` maps mention keys to the ids the last
    build gave, so that ids survive.  ``rules`` are people's corrections of the register
    (``etl.corrections.apply.SakRule``); the third value maps each rule's correction id
    to the sak it was applied to, or None when it is stale.
    """
    gaz = gazetteer or load_gazetteer()
    mentions = mentions_from_rows(rows, gaz)
    linked = link(mentions)
    outcome = apply_rules(mentions, linked, rules) if rules else RuleOutcome()
    kommuner = {u.name.casefold(): (u.name, u.kommunenummer, u.region) for u in gaz.units if u.kind == "kommune"}
    saker, sak_mentions = assemble(mentions, linked, previous=previous, kommuner=kommuner, outcome=outcome)
    sak_of = {(m.statement_id, m.part): m.sak_id for m in sak_mentions}
    applied: dict[str, str | None] = {cid: None for cid in outcome.stale}
    for cid, i in outcome.applied.items():
        applied[cid] = sak_of.get((mentions[i].statement_id, mentions[i].part))
    return saker, sak_mentions, applied

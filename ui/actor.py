"""Fiche acteur: one organisation, its sources, ties, metrics, potential
partners and neighbourhood."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.analytics.followups import follow_ups
from graph.analytics.partners import grouped
from graph.edits import ties_of
from graph.model import CONTACT_FIELDS
from interface import sentences

from ui import access, edit, followup, pick
from ui import network_view as nv
from ui import safe, state
from ui.safe import plain
from ui.routes import link
from ui.state import tr, word

METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "constraint", "effective_size", "k_core")
HIDDEN_FIELDS = {"name", "kind", "sources", "conflicts"}
# lower is "better placed" for constraint (less redundant); higher for the rest
ASCENDING = {"constraint"}


def attributes_table(attrs: dict, with_contacts: bool) -> pd.DataFrame:
    rows = []
    for field, value in sorted(attrs.items()):
        if field in HIDDEN_FIELDS or (field in CONTACT_FIELDS and not with_contacts):
            continue
        if field in ("category", "sphere", "side", "level"):
            value = word(field, value)
        rows.append({tr("actor.field"): word("field", field), tr("actor.value"): ", ".join(map(str, value))
                     if isinstance(value, (list, tuple)) else str(value)})
    return pd.DataFrame(rows)


def ties_table(graph, org: str) -> pd.DataFrame:
    """Its ties, those it names first (follow-ups are listed apart: they are
    not ties)."""
    titles = state.titles()
    rows = []
    for source, rel, target, _, attrs in sorted(ties_of(graph, org), key=lambda tie: tie[0] != org):
        outgoing = source == org
        other = target if outgoing else source
        rows.append({tr("actor.direction"): tr("actor.out" if outgoing else "actor.in"),
                     tr("actor.relation"): attrs.get("label") or word("relation", rel),
                     tr("actor.other"): graph.nodes[other].get("name", other),
                     tr("actor.kind"): word("kind", graph.nodes[other].get("kind")),
                     tr("actor.sources"): "; ".join(sentences.source(s, titles) for s in attrs.get("sources") or [])})
    return pd.DataFrame(rows)


# Ties an organisation needs for the metric to say something: with one tie,
# nobody's path runs through you and your contacts cannot be redundant.
MEANINGFUL_FROM = {"degree": 1, "weighted_degree": 1, "pagerank": 1, "k_core": 1,
                   "betweenness": 2, "constraint": 2, "effective_size": 2}


def rank_of(rows, mine, metric) -> str:
    """« 5 sur 53 ayant au moins 2 liens »: the rank among the organisations
    for which the metric means something; "—" for a value that ranks
    nothing (no tie, a betweenness of 0)."""
    least = MEANINGFUL_FROM[metric]
    value = mine[metric]
    if value is None or mine["degree"] < least or (value == 0 and metric != "constraint"):
        return "—"
    known = [r[metric] for r in rows if r[metric] is not None and r["degree"] >= least]
    better = sum(1 for v in known if (v < value if metric in ASCENDING else v > value))
    return tr("actor.rank", rank=better + 1, total=len(known), ties=least)


def metrics_table(result: dict, org: str) -> pd.DataFrame:
    rows = result["rows"]
    mine = next((r for r in rows if r["id"] == org), None)
    if mine is None:
        return pd.DataFrame()
    out = []
    for metric in METRICS:
        value = mine[metric]
        out.append({tr("actor.metric"): tr(f"metric.{metric}"),
                    tr("actor.value_metric"): "—" if value is None else sentences.number(value, state.lang()),
                    tr("actor.rank_col"): rank_of(rows, mine, metric),
                    tr("actor.meaning"): tr(f"explain.{metric}")})
    out.append({tr("actor.metric"): tr("metric.community"), tr("actor.value_metric"): f"#{mine['community'] + 1}",
                tr("actor.rank_col"): "", tr("actor.meaning"): tr("explain.community")})
    out.append({tr("actor.metric"): tr("metric.articulation_point"),
                tr("actor.value_metric"): tr("actor.yes") if mine["articulation_point"] else tr("actor.no"),
                tr("actor.rank_col"): "", tr("actor.meaning"): tr("explain.articulation_point")})
    return pd.DataFrame(out)


def suggestion_details(data, org, cand, name_of):
    """Who can introduce them, what was recorded about them, and the form
    to record what happened."""
    st.caption(f"{tr('actor.score')} {sentences.number(round(cand['score'], 2), state.lang())}",
               help=tr("actor.score_help"))
    if len(cand["path"]) > 2:
        st.markdown(plain(tr("actor.introduction", path=sentences.path(cand["path"], name_of))))
    elif len(cand["path"]) == 2:
        st.caption(tr("actor.no_intermediary"))
    else:
        st.caption(tr("actor.no_path"))
    if cand.get("follow_up") and access.allowed("see_follow_ups"):
        st.info(followup.said(cand["follow_up"], name_of))
    if access.allowed("follow_up"):
        followup.form(data, org, cand["id"], f"{org}~{cand['id']}")


def partners(data, org: str, attrs: dict, name_of):
    """The potential partners, why each, who can introduce them, and what
    was recorded about them; who already works with the organisation."""
    graph = data.graph
    missing = state.thin_record(data, org)
    if missing:
        st.info(tr("actor.thin", name=plain(attrs.get("name", org)),
                   missing=", ".join(tr(f"actor.thin.{m}") for m in missing)))
    found = state.partners(data, org, top=3 if missing else 10)
    if not found:
        st.write(tr("actor.no_partners"))
    rank = 0
    for item in grouped(found):
        first = item[0]
        rank += 1
        if len(item) == 1:
            title = f"{rank}\\. {plain(first['name'])} — {sentences.support(first['support'], state.lang())}"
        else:                                   # one reason shared by several: said once
            names = sentences.listing([c["name"] for c in item], state.lang())
            title = f"{rank}\\. {plain(tr('actor.same_reason', names=names, count=len(item)))}"
        with st.expander(title, expanded=rank <= 3):
            shared = [e for e in first["evidence"] if len(item) == 1 or e["code"] != "sphere"]   # spheres differ
            for reason in sentences.reasons(shared, name_of, state.lang(), most=3):
                st.markdown(f"- {plain(reason)}")
            for cand in item:
                if len(item) > 1:
                    st.markdown(f"**{plain(cand['name'])}** — {sentences.support(cand['support'], state.lang())}")
                suggestion_details(data, org, cand, name_of)
    together = state.working_together(data, org)
    if together:
        st.markdown(f"**{tr('actor.together')}**")
        for other, projects in sorted(together.items(), key=lambda kv: name_of(kv[0]).casefold()):
            line = tr("actor.together_on", name=name_of(other), projects=", ".join(map(name_of, projects)))
            st.markdown(f"- {plain(line)}")
    records = follow_ups(graph, org=org) if access.allowed("see_follow_ups") else []
    if records:
        st.markdown(f"**{tr('follow.on_this_page')}**")
        followup.listing(records, name_of)


def render():
    st.title(tr("nav.actor"))
    data = state.current()
    orgs = state.organisations(data)
    if not orgs:
        st.info(tr("actor.none"))
        return
    org = pick.element(st, tr("actor.choose"), orgs, "org", default=next(iter(orgs)), remember=True)
    graph = data.graph
    attrs = graph.nodes[org]
    st.header(plain(attrs.get("name", org)), anchor=False)
    st.caption(plain(" · ".join(x for x in (word("category", attrs.get("category")) if attrs.get("category")
                                            else "", word("sphere", attrs.get("sphere", "unknown")), org) if x)))
    link("explorer", tr("actor.explore"), focus=org, radius="2")
    edit.said()

    left, right = st.columns(2)
    with left:
        st.subheader(tr("actor.attributes"))
        has_contacts = any(attrs.get(f) for f in CONTACT_FIELDS)
        with_contacts = has_contacts and access.allowed("see_contacts") and st.toggle(tr("actor.show_contacts"), value=False, key="contacts")
        safe.table(attributes_table(attrs, with_contacts), hide_index=True)
        if has_contacts and not with_contacts:
            st.caption(tr("actor.contacts_hidden"))
        st.markdown(f"**{tr('actor.sources')}**")
        for source in attrs.get("sources") or []:
            st.markdown(f"- {plain(sentences.source(source, state.titles()))}")
        if attrs.get("conflicts"):
            st.markdown(f"**{tr('actor.conflicts')}**")
            st.json(attrs["conflicts"], expanded=False)
    with right:
        st.subheader(tr("actor.metrics"))
        result = state.metrics_if_ready(data)      # on a big network, the rest of the page does not wait
        if result is None:
            state.waiting_for_metrics(data)
        else:
            safe.table(metrics_table(result, org), hide_index=True)

    st.subheader(tr("actor.ties"))
    safe.table(ties_table(graph, org), hide_index=True)

    edit.panel(data, org)

    st.subheader(tr("actor.partners"))
    followup.hint()
    name_of = sentences.names_in(graph)
    if state.partners_if_ready(data):
        partners(data, org, attrs, name_of)
    else:                       # on a big network the rest of the page does not wait for the score index
        state.waiting(lambda: state.partners_done(data), tr("actor.waiting_partners"))

    st.subheader(tr("actor.ego"))
    ego = nv.neighbourhood(graph, org, 1)
    group_of = nv.groups(ego, "sphere", {}, graph)
    colour_of_group = nv.colours(ego, "sphere", group_of)
    st.iframe(nv.network_html(ego, {n: colour_of_group.get(group_of[n], nv.OTHER_COLOUR) for n in ego},
                              nv.sizes(ego, {}), lambda k: tr(k), highlight=org, height=480),
              height=500, alt=tr("actor.ego"))


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()

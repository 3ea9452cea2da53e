"""Follow-ups of suggested partners: what an animator recorded about a
suggestion (graph.edits.follow_up), read back for the pages, the command
line and the partner ranking. Pure: returns data.

A follow-up is a record about the network (relation FOLLOWS_UP), never a tie
of it: the actor graph, the metrics and the introduction paths do not see
it. « pas pertinent » takes the partner out of that organisation's later
suggestions (and the pair out of the synergies); an introduction made stays
listed until the two are tied."""
from __future__ import annotations

from graph.model import FOLLOW_UP_STATUSES, relation

from .actor import directly_tied

FIELDS = ("status", "date", "who", "note")


def follow_ups(graph, status: str | None = None, org: str | None = None, who: str | None = None) -> list:
    """[{"org", "partner", "status", "date", "who", "note", "tied"}], newest
    first; `org` keeps those about it, on either side; `tied`: the two are
    now tied (the suggestion became a partnership)."""
    out = []
    edges = (list(graph.out_edges(org, keys=True, data=True)) + list(graph.in_edges(org, keys=True, data=True))
             if org else graph.edges(keys=True, data=True))      # an organisation's page: its own ties only
    for source, target, key, data in edges:
        if relation(key) != "FOLLOWS_UP" or data.get("status") not in FOLLOW_UP_STATUSES:
            continue
        if (status and data["status"] != status) \
                or (who and str(data.get("who", "")).casefold() != who.casefold()):
            continue
        out.append({"org": source, "partner": target, **{f: data.get(f, "") for f in FIELDS},
                    "tied": target in directly_tied(graph, source)})
    out.sort(key=lambda r: (r["date"], r["org"], r["partner"]), reverse=True)
    return out


def dismissed(graph, org: str) -> set:
    """Partners recorded as « pas pertinent » for `org`."""
    return {t for _, t, k, d in graph.out_edges(org, keys=True, data=True)
            if relation(k) == "FOLLOWS_UP" and d.get("status") == "not_relevant"}


def of_pair(graph, a: str, b: str) -> dict | None:
    """The follow-up recorded about a pair, either way round (the newest)."""
    found = [dict(org=u, partner=v, **{f: graph.edges[u, v, "FOLLOWS_UP"].get(f, "") for f in FIELDS})
             for u, v in ((a, b), (b, a)) if graph.has_edge(u, v, "FOLLOWS_UP")]
    return max(found, key=lambda r: r["date"]) if found else None

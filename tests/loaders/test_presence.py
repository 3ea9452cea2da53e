""""Who does what where" sheets, on the two real ones in
../shared/realdata/presence: Ethiopia (headers only, the funding chain,
P-codes of woredas, coordinates) and Lebanon (a row of HXL hashtags,
acronyms often without full names, consortia in one cell). The expected
figures are computed here with the csv module, independently of the
loader: organisations are the groups that acronyms and names written
together in some row form."""
import csv
import re
from collections import Counter

import pytest
from conftest import REALDATA, need

from graph.model import edge_key, fold
from loaders import detect_format, load_paths

PRESENCE = REALDATA / "presence"
ETHIOPIA, LEBANON = "3w_august_2025.csv", "lbn_sectorsreporting_bydistrict_20240902_hxlated.csv"
NOT_ORGS = {"own funds", "fonds propres", "other", "others", "n a", "none", "unknown"}


class Groups:
    """Acronyms and names seen together are one organisation (union-find)."""

    def __init__(self):
        self.parent = {}

    def find(self, key):
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            key = self.parent[key]
        return key

    def join(self, *keys):
        keys = [k for k in keys if k and k not in NOT_ORGS]
        for k in keys[1:]:
            self.parent[self.find(k)] = self.find(keys[0])
        return self.find(keys[0]) if keys else None


def ethiopia_expected():
    with open(PRESENCE / ETHIOPIA, encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if any(r.values())]
    groups = Groups()
    for r in rows:
        for role in ("Donor", "Program partner", "Implementing Partner"):
            acronym = r[f"{role} Acronym"]
            name = r[{"Donor": "Donor Name", "Program partner": "Program Partner Name",
                      "Implementing Partner": "Implementing Partner Name"}[role]]
            groups.join(fold(acronym), fold(name))
    orgs = {groups.find(k) for k in groups.parent}
    active, works, funds, partners = set(), set(), set(), set()
    for r in rows:
        impl = groups.join(fold(r["Implementing Partner Acronym"]), fold(r["Implementing Partner Name"]))
        prog = groups.join(fold(r["Program partner Acronym"]), fold(r["Program Partner Name"]))
        donor = groups.join(fold(r["Donor Acronym"]), fold(r["Donor Name"]))
        if impl:
            active.add((impl, r["WoredaPcod"]))
            if r["Cluster"]:
                works.add((impl, r["Cluster"]))
        if prog and impl and prog != impl:
            partners.add(frozenset((prog, impl)))
        receiver = prog or impl
        if donor and receiver and donor != receiver:
            funds.add((donor, receiver))
    places = (1 + len({r["Region"] for r in rows}) + len({r["Zone"] for r in rows})
              + len({r["WoredaPcod"] for r in rows}))
    return {"orgs": len(orgs), "places": places, "themes": len({r["Cluster"] for r in rows if r["Cluster"]}),
            "ACTIVE_IN": len(active), "WORKS_ON": len(works), "FUNDS": len(funds), "PARTNER_OF": len(partners),
            "rows": len(rows)}


def test_ethiopia_with_its_funding_chain():
    path = need(PRESENCE / ETHIOPIA)
    assert detect_format(path) == "presence"
    batch = load_paths([path])
    assert batch.errors == []
    want = ethiopia_expected()
    kinds = Counter(n.kind for n in batch.nodes)
    assert (kinds["Organisation"], kinds["Territory"], kinds["Theme"]) == (want["orgs"], want["places"], want["themes"])
    relations = Counter(e.type for e in batch.edges)
    for relation in ("ACTIVE_IN", "WORKS_ON", "FUNDS", "PARTNER_OF"):
        assert relations[relation] == want[relation], relation
    # repeated rows collapse into one tie, counted
    assert sum(e.props["rows"] for e in batch.edges if e.type == "ACTIVE_IN") == want["rows"]
    # places: P-codes as ids, PART_OF up to the country the P-code names, coordinates kept
    nodes = {n.id: n for n in batch.nodes}
    woreda = nodes["ter:ET060207"]
    assert woreda.props["name"] == "Bulen" and woreda.props["lat"] == pytest.approx(10.545, abs=1e-3)
    up = {e.source: e.target for e in batch.edges if e.type == "PART_OF"}
    assert nodes[up[up[up["ter:ET060207"]]]].props["name"] == "Éthiopie"
    # ECHO, named by its acronym and its full name, is one funder
    echo = [n for n in batch.nodes if n.props.get("acronym") == "ECHO"]
    assert len(echo) == 1 and "Humanitarian aid" in echo[0].props["name"]
    # the loader says which columns it did not use
    assert [w.values["columns"] for w in batch.warnings if w.code == "columns_not_used"] == [["Activity status",
                                                                                             "Activity"]]


def test_lebanon_through_its_hxl_hashtags():
    path = need(PRESENCE / LEBANON)
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))[2:]
    several = re.compile(r"\s*[+;|]\s*")
    groups = Groups()
    for r in rows:
        acronyms, names = several.split(r[5]) if r[5] else [], several.split(r[6]) if r[6] else []
        if len(acronyms) == len(names):
            for a, n in zip(acronyms, names):
                groups.join(fold(a), fold(n))
        else:
            for text in acronyms + names:
                groups.join(fold(text))
    orgs = {groups.find(k) for k in groups.parent}
    codes = {r[1] for r in rows if r[1]} | {r[3] for r in rows if r[3]}
    named_only = {fold(r[4]) for r in rows if r[4].strip() and not r[3]} - {fold(r[4]) for r in rows if r[3]}
    batch = load_paths([path])
    assert batch.errors == []
    kinds = Counter(n.kind for n in batch.nodes)
    assert kinds["Organisation"] == len(orgs)
    assert kinds["Territory"] == 1 + len(codes) + len(named_only)            # Liban, governorates, districts
    assert kinds["Theme"] == len({r[0] for r in rows if r[0]}) == 12
    assert {n.props["name"] for n in batch.nodes if n.kind == "Territory" and n.props["level"] == "country"} == {"Liban"}
    consortium = {e.source for e in batch.edges if e.type == "ACTIVE_IN"}
    assert {"org:nusaned", "org:care-international"} <= consortium      # « Nusaned + CARE » is two


def test_loading_twice_changes_nothing(store):
    from graph.names import NameIndex
    path = need(PRESENCE / LEBANON)
    first = store.apply(load_paths([path]))
    assert first["created"] > 400
    again = store.apply(load_paths([path], known=NameIndex.from_graph(store.graph())))
    assert again["created"] == again["updated"] == 0


def test_a_partner_the_graph_knows_is_recognised(bundled_store, tmp_path):
    from graph.names import NameIndex
    sheet = tmp_path / "tchad.csv"
    sheet.write_text("Partenaire,Région,Secteur\nESSOR,Ouaddaï,Éducation\n", encoding="utf-8")
    batch = load_paths([sheet], known=NameIndex.from_graph(bundled_store.graph()))
    assert batch.errors == [] and [n.id for n in batch.nodes if n.kind == "Organisation"] == ["org:essor"]
    assert any(e.key == edge_key("org:essor", "WORKS_ON", "thm:education") for e in batch.edges)

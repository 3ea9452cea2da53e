"""The Neo4j store: the system of record for teams and for graphs that
outgrow one process. Same interface and same merge rule as the embedded
store (graph.merge.plan_batch); all Cypher lives in graph.store.cypher.

A load is one managed write transaction: the store reads the state the batch
touches, plans the merge in Python, and writes with `UNWIND $rows` in chunks,
all inside that transaction, so it is committed whole or not at all. For
very large loads `apply(batch, transaction_rows=N)` commits nodes, then ties,
in transactions of N rows each: a failure part-way leaves the earlier
transactions committed, and running the same load again converges to the
same graph (every write is an idempotent MERGE of the merged attributes).
"""
from __future__ import annotations

import functools
import json
import logging
import time
import uuid
from urllib.parse import urlsplit

import networkx as nx
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graph.bulk import paused_gc
from graph.journal import entry, erasure_entry, parse_key, scrubbed
from graph.merge import CREATED, UNCHANGED, UPDATED, plan_batch
from graph.model import KINDS, RELATIONS, Batch, Edge, Node, edge_key, graph_key, split_graph_key
from graph.privacy import person_contacts, person_names, scrub
from graph.subgraph import match_names

from . import BatchRejected, Store, StoreUnavailable
from . import cypher

# The driver logs each failed connection and retry (dozens of lines for a
# server gone in the middle of a load); this store says it once, as
# StoreUnavailable, so the driver's own records are not printed.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

CHUNK = 10_000            # rows per UNWIND statement when writing
# A server that does not answer is said so within seconds: the driver's
# defaults (30 s of retries per transaction, a 30 s connection timeout) kept
# a page or a command waiting for a minute and more.
CONNECTION_TIMEOUT = 5.0
RETRY_TIME = 5.0
READ_CHUNK = 20_000       # nodes per chunk when reading a graph back
JSON_FIELDS = ("conflicts",)


def shown_uri(uri: str) -> str:
    """The address as it may be shown: without a user or password written
    inside it (bolt://neo4j:secret@host -> bolt://host).

    >>> shown_uri("neo4j://neo4j:secret@db.example.org:7687")
    'neo4j://db.example.org:7687'
    """
    try:
        parts = urlsplit(str(uri))
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return str(uri).rsplit("@", 1)[-1][:80]
    return f"{parts.scheme}://{host}{port}" if parts.scheme else str(uri).rsplit("@", 1)[-1]


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_address(uri: str):
    """Refuse, before any connection, an address the store cannot use: not
    Bolt (the driver would try HTTP and need a library we do not ship), or
    with a user or password written inside it (they go in their own fields,
    and an address is shown back to the user)."""
    try:
        parts = urlsplit(str(uri))
        parts.port
    except ValueError:
        raise StoreUnavailable("bad_address", uri=shown_uri(uri), schemes=", ".join(BOLT_SCHEMES)) from None
    if parts.scheme not in BOLT_SCHEMES or not parts.hostname:
        raise StoreUnavailable("bad_address", uri=shown_uri(uri), schemes=", ".join(BOLT_SCHEMES))
    if parts.username or parts.password:
        raise StoreUnavailable("credentials_in_address", uri=shown_uri(uri))


def _translated(method):
    """Driver and server errors raised while working become StoreUnavailable,
    one line naming the server: the callers know one store exception."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (DriverError, Neo4jError, OSError) as exc:
            raise StoreUnavailable("stopped_answering", uri=shown_uri(self.uri), error=type(exc).__name__) from None
    return run


KIND_ONLY = {kind: {"kind": kind} for kind in KINDS}


def to_neo4j(attrs: dict, **extra) -> dict:
    """Attributes (and `extra`) as Neo4j properties: dicts become JSON text."""
    if all(type(v) in (str, list, float, int, bool) for v in attrs.values()) and "conflicts" not in attrs:
        return dict(attrs, **extra)      # the common case, nothing to convert
    out = dict(extra)
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, dict) or name in JSON_FIELDS:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def from_neo4j(props: dict) -> dict:
    out = dict(props)
    for name in JSON_FIELDS:
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def _change_props(item: dict) -> dict:
    """A journal entry as a node's properties: the fields one filters on
    as they are, the rest as JSON text."""
    item = dict(item)
    item.setdefault("seq", time.time_ns())
    props = {name: item.pop(name) for name in ("id", "at", "seq", "kind", "who", "note")}
    props["data"] = json.dumps(item, ensure_ascii=False)
    return props


def _change_of(props: dict) -> dict:
    props = dict(props)
    return {**json.loads(props.pop("data", "{}")), **props}


def _chunks(rows, size=CHUNK):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _signature(props: dict):
    """A hashable form of a tie's properties, to group equal ones."""
    return tuple((name, tuple(value) if type(value) is list else value) for name, value in props.items())


def _tie_groups(groups, size=CHUNK):
    """(props, {source: [targets]}) groups as statement parameters of about
    `size` ties each: [{"props": ..., "rows": [{"source", "targets"}]}]."""
    part, ties = [], 0
    for props, by_source in groups:
        rows = []
        part.append({"props": props, "rows": rows})
        for source, targets in by_source.items():
            rows.append({"source": source, "targets": targets})
            ties += len(targets)
            if ties >= size:
                yield part
                rows, ties = [], 0
                part = [{"props": props, "rows": rows}]
    if ties:
        yield part


def make_driver(uri, user, password):
    # Schema hints ("relationship type does not exist yet") are noise for a
    # store that creates its types as it loads.
    return GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF",
                                connection_timeout=CONNECTION_TIMEOUT, max_transaction_retry_time=RETRY_TIME)


class Neo4jStore(Store):
    name = "neo4j"

    def __init__(self, uri, user, password, database="neo4j", driver=None):
        self.uri, self.database = uri, database
        check_address(uri)
        try:
            self.driver = driver or make_driver(uri, user, password)
            self.driver.verify_connectivity()
            for statement in cypher.SCHEMA:
                self.driver.execute_query(statement, database_=database)
        except AuthError:
            raise StoreUnavailable("refused_user", uri=shown_uri(uri), user=user) from None
        except Neo4jError as exc:
            raise StoreUnavailable("server_error", uri=shown_uri(uri), detail=str(exc.message)[:200]) from None
        except (DriverError, OSError, ValueError) as exc:        # not there, not Neo4j, or hung up
            raise StoreUnavailable("unreachable", uri=shown_uri(uri), error=type(exc).__name__) from None

    def close(self):
        self.driver.close()

    # -- reading ---------------------------------------------------------------
    @_translated
    def graph(self, kinds=None, territories=None, themes=None):
        """The whole graph, or the selection graph.subgraph.select defines,
        computed in Neo4j so that only the selection travels."""
        def read(tx):
            ids = set(tx.run(cypher.READ_IDS, kinds=list(kinds) if kinds else None).single()["ids"])
            for wanted, kind, query in ((territories, "Territory", cypher.ANCHORED_IN_TERRITORIES),
                                        (themes, "Theme", cypher.ANCHORED_ON_THEMES)):
                if wanted:
                    named = match_names(((r["id"], r["name"], r["aliases"])
                                         for r in tx.run(cypher.NAMES_OF_KIND, kind=kind)), wanted)
                    ids &= set(tx.run(query, ids=sorted(named)).single()["ids"])
            return self._read_chunks(tx, sorted(ids))
        with paused_gc(), self.driver.session(database=self.database, default_access_mode="READ") as session:
            return session.execute_read(read)

    @staticmethod
    def _read_chunks(tx, ids):
        """The subgraph induced by `ids`, read in chunks."""
        graph = nx.MultiDiGraph()
        for part in _chunks(ids, READ_CHUNK):
            for node_id, kind, props in tx.run(cypher.READ_NODES_CHUNK, ids=part).single()["rows"]:
                props = from_neo4j(props)
                props.pop("id", None)
                graph.add_node(node_id, kind=kind, **props)
        for part in _chunks(ids, READ_CHUNK):
            rows = tx.run(cypher.READ_EDGES_CHUNK, ids=part).single()["rows"]
            graph.add_edges_from((source, target, props.pop("key", rel), dict(from_neo4j(props), type=rel))
                                 for source, rel, target, props in rows if target in graph)
        return graph

    @_translated
    def describe(self) -> dict:
        records, _, _ = self.driver.execute_query(cypher.READ_META, database_=self.database,
                                                  routing_=RoutingControl.READ)
        meta = records[0] if records else {}
        return {"store": self.name, "location": f"{self.uri} (database {self.database})",
                "last_modified": meta.get("modified"), "version": meta.get("version")}

    # -- writing ------------------------------------------------------------------
    @_translated
    def plan(self, batch: Batch):
        def read(tx):
            node_of, edges, _, _, ties_of = self._touched(tx, batch, {}, set())
            return plan_batch(batch, node_of, lambda s, t, k: edges.get((s, t, k)), ties_of)
        with paused_gc(), self.driver.session(database=self.database, default_access_mode="READ") as session:
            return session.execute_read(read)

    @_translated
    def apply(self, batch: Batch, transaction_rows: int | None = None) -> dict:
        if batch.errors:
            raise BatchRejected(batch.errors)
        with paused_gc():
            if transaction_rows and not (batch.replacements or batch.removals or batch.expect):
                return self._apply_in_parts(batch, transaction_rows)
            with self.driver.session(database=self.database) as session:
                return session.execute_write(self._apply_tx, batch)

    def _apply_in_parts(self, batch, size):
        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        group = uuid.uuid4().hex[:12]           # one load in several transactions: one journal entry each
        change = dict(batch.change, group=group)
        parts = [Batch(nodes=nodes, accept=batch.accept, change=change) for nodes in _chunks(batch.nodes, size)]
        parts += [Batch(edges=edges, change=change) for edges in _chunks(batch.edges, size)]
        kinds, fresh = {}, set()     # what the node parts wrote, for the tie parts
        with self.driver.session(database=self.database) as session:
            for part in parts:
                part_counts, kinds, fresh = session.execute_write(self._write, part, kinds, fresh)
                for name, value in part_counts.items():
                    counts[name] += value
        return counts

    @classmethod
    def _apply_tx(cls, tx, batch):
        return cls._write(tx, batch, {}, set())[0]

    @staticmethod
    def _touched(tx, batch, kinds, fresh):
        """Read what the batch touches: its nodes, the kinds of the other
        ends of its ties, and the ties it may update. `kinds` and `fresh` are
        what earlier parts of one load wrote (a tie to a node this load
        created cannot exist yet, so it is not looked up). Returns
        (node_of, edges, kinds, fresh), on copies."""
        kinds, fresh = dict(kinds), set(fresh)
        nodes = {}
        expected = [parse_key(k) for k in batch.expect]
        whole = {n.id for n in batch.nodes} | {r.id for r in batch.replacements if isinstance(r, Node)} | \
            {r[1] for r in batch.removals if r[0] == "node"} | {k[1] for k in expected if k[0] == "node"}
        batch_ids = sorted(i for i in whole if isinstance(i, str))     # others: refused by the plan
        for part in _chunks(batch_ids):
            for record in tx.run(cypher.READ_NODES_BY_ID, ids=part):
                nodes[record["id"]] = dict(from_neo4j(record["props"]), kind=record["kind"])
        fresh.update(i for i in batch_ids if i not in nodes)
        tie_records = list(batch.edges) + [r for r in batch.replacements if isinstance(r, Edge)]
        ends = {end for e in tie_records for end in (e.source, e.target) if isinstance(end, str)}
        unknown = sorted(ends - set(nodes) - set(kinds) - set(batch_ids))
        for part in _chunks(unknown):
            for record in tx.run(cypher.READ_KINDS_BY_ID, ids=part):
                kinds[record["id"]] = record["kind"]

        def node_of(node_id):
            found = nodes.get(node_id)
            if found is None and node_id in kinds:
                found = KIND_ONLY[kinds[node_id]]   # shared, read-only
            return found

        wanted = {}
        asked = [(e.source, e.type, e.target, e.discriminator) for e in tie_records]
        asked += [tuple(r[1:5]) for r in batch.removals if r[0] == "edge"]
        asked += [(k[1], k[2], k[3], split_graph_key(k[4])[1]) for k in expected if k[0] == "edge"]
        for tie in asked:
            if not all(isinstance(x, str) for x in tie) or tie[1] not in RELATIONS:
                continue                                      # refused by the plan
            source, rel, target, discriminator = edge_key(*tie)
            if source in fresh or target in fresh:
                continue
            wanted.setdefault(rel, []).append({"source": source, "target": target,
                                               "key": graph_key(rel, discriminator)})
        edges = {}
        for rel, rows in wanted.items():
            for part in _chunks(rows):
                for record in tx.run(cypher.read_edges_by_key(rel), rows=part):
                    props = from_neo4j(record["props"])
                    props.pop("key", None)
                    edges[record["source"], record["target"], record["key"]] = props
        ties = {}
        removed = sorted({r[1] for r in batch.removals if r[0] == "node" and isinstance(r[1], str)})
        for part in _chunks(removed):
            for record in tx.run(cypher.TIES_OF, ids=part):
                props = from_neo4j(record["props"])
                key = props.pop("key", record["type"])
                for end in (record["source"], record["target"]):
                    ties.setdefault(end, {})[(record["source"], record["target"], key)] = props

        def ties_of(node_id):
            return [(source, target, key, props) for (source, target, key), props in ties.get(node_id, {}).items()]
        return node_of, edges, kinds, fresh, ties_of

    @staticmethod
    def _write_plan(tx, plan, existing):
        """Write a plan: nodes by kind, new ties grouped by property set,
        changed ties by relation. `existing`: the ties the plan read."""
        rows_by_kind = {}
        for node_id, kind, attrs in plan.nodes:
            rows_by_kind.setdefault(kind, []).append({"id": node_id, "props": to_neo4j(attrs, id=node_id)})
        for kind, rows in rows_by_kind.items():
            for part in _chunks(rows):
                tx.run(cypher.write_nodes(kind), rows=part).consume()
        new, changed = {}, {}
        for source, rel, target, key, attrs in plan.edges:
            props = to_neo4j(attrs, key=key) if key != rel else to_neo4j(attrs)    # see cypher._tie_of_row
            if (source, target, key) in existing:
                changed.setdefault(rel, []).append({"source": source, "target": target, "key": key, "props": props})
                continue
            by_props = new.setdefault(rel, {})
            signature = _signature(props)
            group = by_props.get(signature)
            if group is None:
                group = by_props[signature] = (props, {})
            group[1].setdefault(source, []).append(target)
        for rel, groups in new.items():
            for part in _tie_groups(groups.values()):
                tx.run(cypher.create_edges(rel), groups=part).consume()
        for rel, rows in changed.items():
            for part in _chunks(rows):
                tx.run(cypher.update_edges(rel), rows=part).consume()
        gone = {}
        for source, rel, target, key in plan.removed_edges:
            gone.setdefault(rel, []).append({"source": source, "target": target, "key": key})
        for rel, rows in gone.items():
            for part in _chunks(rows):
                tx.run(cypher.delete_edges(rel), rows=part).consume()
        for part in _chunks(plan.removed_nodes):
            tx.run(cypher.DELETE_NODES, ids=part).consume()
        if plan.nodes or plan.edges or plan.removed_edges or plan.removed_nodes:
            tx.run(cypher.TOUCH).consume()
            return True
        return False

    @classmethod
    def _write(cls, tx, batch, kinds, fresh):
        """One transaction: lock, read what the batch touches, plan, write.
        Returns the counts, and the kinds and fresh ids updated on copies:
        the caller keeps them only once the transaction is committed (the
        driver may run this function again after a transient error)."""
        tx.run(cypher.LOCK).consume()
        node_of, edges, kinds, fresh, ties_of = cls._touched(tx, batch, kinds, fresh)
        plan = plan_batch(batch, node_of, lambda s, t, k: edges.get((s, t, k)), ties_of)
        if plan.problems:
            raise BatchRejected(plan.problems)   # the transaction is rolled back
        if cls._write_plan(tx, plan, edges):
            tx.run(cypher.WRITE_CHANGE, props=_change_props(entry(plan, batch.change))).consume()
        kinds.update((node_id, kind) for node_id, kind, _ in plan.nodes)
        return plan.counts, kinds, fresh

    @_translated
    def reset(self):
        with self.driver.session(database=self.database) as session:
            session.run(cypher.RESET).consume()
            session.run(cypher.TOUCH).consume()

    @_translated
    def journal(self) -> list:
        records, _, _ = self.driver.execute_query(cypher.READ_CHANGES, database_=self.database,
                                                  routing_=RoutingControl.READ)
        return [_change_of(r["props"]) for r in reversed(records)]

    @_translated
    def erase_person(self, person_id: str, who: str = "") -> dict:
        """Remove a person, their ties and every mention of their names and
        contact values elsewhere (graph.privacy), in one transaction. It
        reads every element's properties: slow on a very big graph, and
        rare. Neo4j keeps erased values in its store files until they are
        rewritten: README, "Erasing a person on Neo4j"."""
        def erase(tx):
            tx.run(cypher.LOCK).consume()
            record = tx.run(cypher.READ_NODES_BY_ID, ids=[person_id]).single()
            if record is None or record["kind"] != "Person":
                return {"removed": 0, "mentions": 0}
            person = from_neo4j(record["props"])
            names, contacts = person_names(person), person_contacts(person)
            removed = tx.run(cypher.ERASE_PERSON, id=person_id).single()["removed"]
            by_kind, by_rel, mentions = {}, {}, 0
            for row in tx.run(cypher.READ_ALL_NODES):
                cleaned, count = scrub(from_neo4j(row["props"]), names, contacts)
                if cleaned is not None:
                    mentions += count
                    by_kind.setdefault(row["kind"], []).append({"id": row["id"], "props": to_neo4j(cleaned)})
            for row in tx.run(cypher.READ_ALL_EDGES):
                cleaned, count = scrub(from_neo4j(row["props"]), names, contacts)
                if cleaned is not None:
                    mentions += count
                    by_rel.setdefault(row["type"], []).append({"source": row["source"], "target": row["target"],
                                                               "key": cleaned.get("key", row["type"]),
                                                               "props": to_neo4j(cleaned)})
            for kind, rows in by_kind.items():
                tx.run(cypher.write_nodes(kind), rows=rows).consume()
            for rel, rows in by_rel.items():
                tx.run(cypher.update_edges(rel), rows=rows).consume()
            journal = [_change_of(r["props"]) for r in tx.run(cypher.READ_CHANGES)]
            for old, new in zip(journal, scrubbed(journal, person_id, names, contacts)):
                if new != old:
                    tx.run(cypher.REPLACE_CHANGE, id=old["id"], props=_change_props(new)).consume()
            tx.run(cypher.WRITE_CHANGE, props=_change_props(erasure_entry(removed, mentions, who=who))).consume()
            tx.run(cypher.TOUCH).consume()
            return {"removed": removed, "mentions": mentions}
        with self.driver.session(database=self.database) as session:
            return session.execute_write(erase)

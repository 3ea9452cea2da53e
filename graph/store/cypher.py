"""All the Cypher of the Neo4j store, in one place.

Values only ever travel as parameters. Labels and relation types cannot be
parameters in Cypher, so they are put in the text only from the
vocabulary's allow-list (graph.model.KINDS and RELATIONS), checked here.
Every node carries the label `Entity` (unique `id`) besides its kind, so that
a tie can find its ends by id alone.
"""
from __future__ import annotations

from graph.model import ANCHORING, HIERARCHY, KINDS, RELATIONS, THEMING

ENTITY = "Entity"
META = "PasserellesMeta"
CHANGE = "PasserellesChange"          # the journal's entries (graph.journal), beside the graph, never in it


def label(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"not a kind of the vocabulary: {kind!r}")
    return kind


def rel_type(rel: str) -> str:
    if rel not in RELATIONS:
        raise ValueError(f"not a relation of the vocabulary: {rel!r}")
    return rel


CONSTRAINTS = [
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
    f"CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:{META}) REQUIRE m.id IS UNIQUE",
    f"CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:{CHANGE}) REQUIRE c.id IS UNIQUE",
]

READ_NODES_BY_ID = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) USING INDEX SEEK n:{ENTITY}(id)
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS kind, properties(n) AS props
"""


SCHEMA = CONSTRAINTS


READ_KINDS_BY_ID = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) USING INDEX SEEK n:{ENTITY}(id)
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS kind
"""


# A tie's `key` (graph.model.graph_key) is stored only when it is not its
# type, that is for parallel ties ("RELATED_TO#2"): a property on every one
# of a million ties cost a fifth of the load time.
def _tie_of_row(rel: str) -> str:
    # Both ends by index seek (the hints keep a plan made on an empty
    # database from scanning), then the tie between two bound nodes, which
    # Neo4j checks from the end with fewer ties: exact, whatever the hubs.
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.source}}) USING INDEX SEEK a:{ENTITY}(id)
MATCH (b:{ENTITY} {{id: row.target}}) USING INDEX SEEK b:{ENTITY}(id)
MATCH (a)-[r:{rel_type(rel)}]->(b)
WHERE coalesce(r.key, type(r)) = row.key
"""


def read_edges_by_key(rel: str) -> str:
    return _tie_of_row(rel) + """RETURN a.id AS source, b.id AS target, coalesce(r.key, type(r)) AS key, properties(r) AS props
"""


def write_nodes(kind: str) -> str:
    # SET n = ... replaces every property: the rows carry the whole merged set.
    return f"""
UNWIND $rows AS row
MERGE (n:{ENTITY} {{id: row.id}})
SET n = row.props, n:{label(kind)}
"""


def create_edges(rel: str) -> str:
    # Only for ties the load found absent, under the load lock (LOCK). Ties
    # come grouped by their whole property set, then by source: the server
    # reads each property map once per group, not once per tie (most ties of
    # a load share theirs, e.g. only `sources`), and seeks each source once.
    # Measured on 200,000 ties: the tie statements took 3.7-4.1 s instead of
    # 5.4-6.8 s; on whole loads of a million ties, the gain is within the noise.
    return f"""
UNWIND $groups AS g
UNWIND g.rows AS row
MATCH (a:{ENTITY} {{id: row.source}}) USING INDEX SEEK a:{ENTITY}(id)
UNWIND row.targets AS target
MATCH (b:{ENTITY} {{id: target}}) USING INDEX SEEK b:{ENTITY}(id)
CREATE (a)-[r:{rel_type(rel)}]->(b)
SET r = g.props
"""


def update_edges(rel: str) -> str:
    return _tie_of_row(rel) + "SET r = row.props\n"


def delete_edges(rel: str) -> str:
    return _tie_of_row(rel) + "DELETE r\n"


DELETE_NODES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) USING INDEX SEEK n:{ENTITY}(id)
DETACH DELETE n
"""
# Every tie of the given nodes, both ways (a node to remove: its ties are journaled with it).
TIES_OF = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) USING INDEX SEEK n:{ENTITY}(id)
MATCH (n)-[r]-(:{ENTITY})
RETURN DISTINCT startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, properties(r) AS props
"""
# The journal: one node per change, written in the change's own transaction.
WRITE_CHANGE = f"CREATE (c:{CHANGE}) SET c = $props"
READ_CHANGES = f"MATCH (c:{CHANGE}) RETURN properties(c) AS props ORDER BY c.seq"
REPLACE_CHANGE = f"MATCH (c:{CHANGE} {{id: $id}}) SET c = $props"


# Every writing transaction starts here: the exclusive lock on the meta node
# serialises loads, so that what a load read is still true when it writes.
LOCK = f"MERGE (m:{META} {{id: 'meta'}}) SET m.locked = true"
# `version` changes with every write: what the app's caches are keyed on.
TOUCH = (f"MERGE (m:{META} {{id: 'meta'}}) "
         "SET m.modified = toString(datetime.truncate('second', datetime())), m.version = randomUUID()")
READ_META = f"MATCH (m:{META} {{id: 'meta'}}) RETURN m.modified AS modified, m.version AS version"

# Reading a graph back: ids first, then nodes and ties in chunks, each chunk
# one record holding a list (far fewer driver records than one per tie).
READ_IDS = f"""
MATCH (n:{ENTITY})
WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
RETURN collect(n.id) AS ids
"""
READ_NODES_CHUNK = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) USING INDEX SEEK n:{ENTITY}(id)
RETURN collect([n.id, [l IN labels(n) WHERE l <> '{ENTITY}'][0], properties(n)]) AS rows
"""
READ_EDGES_CHUNK = f"""
UNWIND $ids AS id
MATCH (a:{ENTITY} {{id: id}}) USING INDEX SEEK a:{ENTITY}(id)
MATCH (a)-[r]->(b:{ENTITY})
RETURN collect([a.id, type(r), b.id, properties(r)]) AS rows
"""
# For erasure: every element, to look for mentions of a name.
READ_ALL_NODES = f"""
MATCH (n:{ENTITY})
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS kind, properties(n) AS props
"""
READ_ALL_EDGES = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY})
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
"""

# Deleting in batches keeps the transaction state small on big graphs.
RESET = "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

ERASE_PERSON = f"""
MATCH (p:{ENTITY}:Person {{id: $id}})
OPTIONAL MATCH (p)-[r]-()
WITH p, count(r) AS ties
DETACH DELETE p
RETURN 1 + ties AS removed
"""

NAMES_OF_KIND = f"""
MATCH (n:{ENTITY})
WHERE $kind IN labels(n)
RETURN n.id AS id, n.name AS name, n.aliases AS aliases
"""
# The territories inside the given ones, and what is based, active or aimed there.
ANCHORED_IN_TERRITORIES = f"""
MATCH (t:{ENTITY}:Territory) WHERE t.id IN $ids
MATCH (d:{ENTITY}:Territory)-[:{rel_type(HIERARCHY)}*0..]->(t)
WITH collect(DISTINCT d) AS places
UNWIND places AS d
OPTIONAL MATCH (n:{ENTITY})-[:{"|".join(map(rel_type, ANCHORING))}]->(d)
WITH collect(DISTINCT d.id) AS a, collect(DISTINCT n.id) AS b
RETURN a + b AS ids
"""
ANCHORED_ON_THEMES = f"""
MATCH (t:{ENTITY}:Theme) WHERE t.id IN $ids
OPTIONAL MATCH (n:{ENTITY})-[:{"|".join(map(rel_type, THEMING))}]->(t)
WITH collect(DISTINCT t.id) AS a, collect(DISTINCT n.id) AS b
RETURN a + b AS ids
"""


"""What only the Neo4j store has: connection errors, the allow-list, loads
split into several transactions, the CLI choosing it."""
import pytest
from conftest import BUNDLED, cli_json, run_cli

from graph.model import Batch, Edge, Node
from graph.store import BatchRejected, StoreUnavailable
from graph.store import cypher
from graph.store.neo4j import Neo4jStore
from loaders import load_paths


def test_wrong_password_is_one_clear_line_without_the_password(neo4j_settings):
    settings = dict(neo4j_settings, password="not-the-password")
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(**settings)
    assert err.value.code == "refused_user" and err.value.values["uri"] == neo4j_settings["uri"]
    assert "not-the-password" not in str(err.value)


def test_unreachable_is_one_clear_line():
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret-pw")
    assert "bolt://127.0.0.1:1" in str(err.value) and "secret-pw" not in str(err.value)


def test_labels_and_types_come_only_from_the_vocabulary():
    assert "Organisation" in cypher.write_nodes("Organisation")
    for bad in ("Organisation) DETACH DELETE n //", "Admin"):
        with pytest.raises(ValueError):
            cypher.write_nodes(bad)
        with pytest.raises(ValueError):
            cypher.create_edges(bad)


def test_a_load_in_several_transactions_converges(neo4j_store):
    batch = load_paths(BUNDLED)
    whole = neo4j_store.apply(batch, transaction_rows=50)
    assert whole["created"] == len(batch.nodes) + len(batch.edges)
    first = neo4j_store.graph()
    neo4j_store.reset()
    # a load that fails part-way: the first parts are committed...
    broken = load_paths(BUNDLED)
    broken.edges.append(Edge("org:cfsi", "MEMBER_OF", "org:nowhere", {}, ["x"]))
    with pytest.raises(BatchRejected):
        neo4j_store.apply(broken, transaction_rows=50)
    assert 0 < neo4j_store.graph().number_of_nodes()
    # ...and running the good load again gives the same graph as in one go
    neo4j_store.apply(load_paths(BUNDLED), transaction_rows=50)
    again = neo4j_store.graph()
    assert sorted(again.nodes(data=True), key=repr) == sorted(first.nodes(data=True), key=repr)
    assert again.number_of_edges() == first.number_of_edges()


def test_one_load_is_one_transaction(neo4j_store):
    neo4j_store.apply(Batch(nodes=[Node("org:a", "Organisation", {"name": "A"}, ["s"])]))
    bad = Batch(nodes=[Node(f"org:n{i}", "Organisation", {"name": str(i)}, ["s"]) for i in range(25_000)],
                edges=[Edge("org:n1", "MEMBER_OF", "org:missing", {}, ["s"])])
    with pytest.raises(BatchRejected):
        neo4j_store.apply(bad)
    assert set(neo4j_store.graph()) == {"org:a"}


def neo4j_env(settings, **override):
    env = {"NEO4J_URI": settings["uri"], "NEO4J_USER": settings["user"],
           "NEO4J_PASSWORD": settings["password"], "NEO4J_DATABASE": settings["database"]}
    env.update(override)
    return env


def test_the_cli_uses_neo4j_when_neo4j_uri_is_set(neo4j_store, neo4j_settings, home):
    env = neo4j_env(neo4j_settings)
    proc = run_cli("load", *BUNDLED, home=home, env=env, check=0)
    assert "Chargé dans le stockage neo4j" in proc.stdout
    stats = cli_json("stats", home=home, env=env)
    assert stats["store"] == "neo4j" and stats["nodes"] == 159
    assert neo4j_settings["uri"] in stats["location"] and neo4j_settings["password"] not in repr(stats)
    assert not home.exists()        # the embedded store was not touched
    assert cli_json("--store", "embedded", "stats", home=home, env=env)["store"] == "embedded"


def test_the_cli_with_a_wrong_password_says_one_line(neo4j_settings, home):
    proc = run_cli("stats", home=home, env=neo4j_env(neo4j_settings, NEO4J_PASSWORD="nope-nope"))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and neo4j_settings["uri"] in proc.stderr
    assert "Traceback" not in proc.stderr and "nope-nope" not in proc.stderr
    assert not home.exists()


def test_the_cli_with_neo4j_down_says_one_line(home):
    proc = run_cli("--store", "neo4j", "stats", home=home,
                   env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "pw-secret"})
    assert proc.returncode == 1 and "bolt://127.0.0.1:1" in proc.stderr
    assert proc.stderr.count("\n") == 1 and "pw-secret" not in proc.stderr
    assert not home.exists()


def test_a_part_of_a_load_changes_nothing_it_was_given(neo4j_store):
    """The driver may run a transaction function again after a transient
    error: what a failed attempt learnt must not reach the next parts."""
    batch = load_paths(BUNDLED)
    kinds, fresh = {"org:elsewhere": "Organisation"}, {"org:elsewhere"}
    with neo4j_store.driver.session(database=neo4j_store.database) as session:
        tx = session.begin_transaction()
        counts, new_kinds, new_fresh = Neo4jStore._write(tx, Batch(nodes=batch.nodes), kinds, fresh)
        tx.rollback()
    assert kinds == {"org:elsewhere": "Organisation"} and fresh == {"org:elsewhere"}
    assert counts["created"] == len(batch.nodes)
    assert len(new_kinds) == len(batch.nodes) + 1 and len(new_fresh) == len(batch.nodes) + 1


def test_new_ties_are_sent_grouped_by_properties_in_statements_of_about_a_size():
    from graph.store.neo4j import _signature, _tie_groups
    shared, other = {"sources": ["a.csv"]}, {"sources": ["a.csv"], "role": "chef de file"}
    assert _signature(shared) == _signature({"sources": ["a.csv"]}) != _signature(other)
    groups = [(shared, {"org:1": ["org:2", "org:3"], "org:4": ["org:5"]}), (other, {"org:1": ["org:6"]})]
    statements = list(_tie_groups(groups, size=2))
    sent = [(g["props"]["sources"][0], g["props"].get("role", ""), row["source"], target)
            for statement in statements for g in statement for row in g["rows"] for target in row["targets"]]
    assert sorted(sent) == sorted([("a.csv", "", "org:1", "org:2"), ("a.csv", "", "org:1", "org:3"),
                                   ("a.csv", "", "org:4", "org:5"), ("a.csv", "chef de file", "org:1", "org:6")])
    assert len(statements) == 2


def test_a_server_gone_after_connecting_is_one_store_error(neo4j_store, neo4j_settings):
    """Driver errors raised while working become the store's own
    StoreUnavailable, naming the server, never the password."""
    from graph.store.neo4j import make_driver
    neo4j_store.driver.close()
    neo4j_store.driver = make_driver("bolt://127.0.0.1:9", "neo4j", "secret-password")
    for call in (neo4j_store.graph, lambda: neo4j_store.apply(Batch(nodes=[
            Node("org:a", "Organisation", {"name": "A"}, ["s"])]))):
        with pytest.raises(StoreUnavailable) as err:
            call()
        assert err.value.values["uri"] == neo4j_settings["uri"] and "secret" not in str(err.value)


@pytest.mark.parametrize("uri, code", [
    ("http://127.0.0.1:7474", "bad_address"),            # the driver would need aiohttp, and it is not Bolt
    ("ftp://127.0.0.1", "bad_address"),
    ("127.0.0.1:7687", "bad_address"),
    ("bolt://127.0.0.1:99999", "bad_address"),
    ("bolt://neo4j:pw-secret@127.0.0.1:7687", "credentials_in_address"),
])
def test_an_address_the_store_cannot_use_is_refused_before_connecting(uri, code):
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(uri, "neo4j", "other-secret")
    assert err.value.code == code and "secret" not in str(err.value)


def test_the_cli_never_prints_a_password_written_in_the_address(home):
    proc = run_cli("--store", "neo4j", "stats", home=home,
                   env={"NEO4J_URI": "bolt://neo4j:pw-secret@127.0.0.1:7687", "NEO4J_PASSWORD": "x"})
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "pw-secret" not in proc.stderr + proc.stdout and "Traceback" not in proc.stderr
    assert "contient un utilisateur ou un mot de passe" in proc.stderr


def test_a_port_that_is_not_neo4j_is_one_clear_line_within_seconds():
    import socket
    import threading
    import time
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def answer_like_http():
        for _ in range(4):
            conn, _ = listener.accept()
            conn.recv(64)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
            conn.close()
    threading.Thread(target=answer_like_http, daemon=True).start()
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(f"bolt://127.0.0.1:{listener.getsockname()[1]}", "neo4j", "pw")
    assert err.value.code == "unreachable" and time.monotonic() - started < 10

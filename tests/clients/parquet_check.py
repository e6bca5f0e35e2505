"""DuckDB reads the Parquet export: counts equal the graph's, a join of
edges with nodes gives each actor's strength as the graph does, and a
shortest route by a recursive query has the hops `actorgraph path` found.

    parquet_check.py GRAPH.json TABLES_DIR FROM_ID TO_ID HOPS
"""

import json
import sys
from pathlib import Path

import duckdb

graph_file, tables, source, target, hops = sys.argv[1:6]
graph = json.loads(Path(graph_file).read_text(encoding="utf-8"))
tables = Path(tables)
db = duckdb.connect()
for name in ("nodes", "edges", "evidence"):
    db.execute(
        f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{tables / (name + '.parquet')}')"
    )

nodes, links = graph["nodes"], graph["edges"]
count = lambda table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
assert count("nodes") == len(nodes), (count("nodes"), len(nodes))
assert count("edges") == len(links), (count("edges"), len(links))
evidence = sum(len(l.get("evidence", [])) for l in links)
assert count("evidence") == evidence, (count("evidence"), evidence)

columns = [r[0] for r in db.execute("DESCRIBE nodes").fetchall()]
assert columns[0] == "id", columns
columns = [r[0] for r in db.execute("DESCRIBE edges").fetchall()]
assert columns[:2] == ["src", "dst"], columns

# Every value of a node survives, aliases as a list.
by_id = {n["id"]: n for n in nodes}
for id_, label, mentions, aliases, first in db.execute(
    "SELECT id, label, mentions, aliases, first FROM nodes"
).fetchall():
    n = by_id[id_]
    assert label == n["label"] and mentions == n["mentions"], (id_, label, mentions)
    assert aliases == [a["text"] for a in n["aliases"]], (id_, aliases)
    assert first == n.get("first"), (id_, first)

# Every link keeps its triggers and the rules that found it, as lists.
for i, triggers, rules in db.execute("SELECT id, triggers, rules FROM edges").fetchall():
    l = links[int(i[1:])]
    assert triggers == l["triggers"] and rules == l.get("rules", []), (i, triggers, rules)

# A join: strength (total weight of the links) per actor label.
expected = {}
for l in links:
    for end in ("source", "target"):
        label = by_id[l[end]]["label"]
        expected[label] = expected.get(label, 0.0) + l["weight"]
got = dict(
    db.execute(
        """
        SELECT n.label, sum(e.weight)
        FROM nodes n JOIN (SELECT src AS id, weight FROM edges
                           UNION ALL SELECT dst AS id, weight FROM edges) e
          ON e.id = n.id
        GROUP BY n.label
        """
    ).fetchall()
)
assert got.keys() == expected.keys()
for label, w in expected.items():
    assert abs(got[label] - w) < 1e-9, (label, got[label], w)

# The evidence table joins back to its edge.
orphans = db.execute(
    "SELECT count(*) FROM evidence v LEFT JOIN edges e ON e.id = v.edge WHERE e.id IS NULL"
).fetchone()[0]
assert orphans == 0, orphans

# Fewest hops from source to target, links taken both ways.
found = db.execute(
    """
    WITH RECURSIVE
      link(a, b) AS (SELECT src, dst FROM edges UNION SELECT dst, src FROM edges),
      walk(node, depth) AS (
        SELECT ?::VARCHAR, 0
        UNION
        SELECT link.b, walk.depth + 1 FROM walk JOIN link ON link.a = walk.node
        WHERE walk.depth < 8)
    SELECT min(depth) FROM walk WHERE node = ?
    """,
    [source, target],
).fetchone()[0]
assert found == int(hops), (found, hops)
print(f"duckdb {duckdb.__version__}: {len(nodes)} nodes, {len(links)} edges, "
      f"{evidence} evidence rows; {source} to {target} in {found} hops")

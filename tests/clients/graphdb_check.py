"""An embedded graph database (LadybugDB, the maintained fork of Kùzu, or
Kùzu) loads the Parquet export and the Neo4j CSV files: the counts, a
shortest route, and the Neo4j files' values equal the graph's.

    graphdb_check.py GRAPH.json PARQUET_DIR NEO4J_DIR FROM_ID TO_ID HOPS
"""

import csv
import json
import sys
import tempfile
from pathlib import Path

try:
    import real_ladybug as db_module
except ImportError:
    import kuzu as db_module

graph_file, parquet, neo4j, source, target, hops = sys.argv[1:7]
graph = json.loads(Path(graph_file).read_text(encoding="utf-8"))
nodes, links = graph["nodes"], graph["edges"]
parquet, neo4j = Path(parquet), Path(neo4j)

work = tempfile.mkdtemp()
db = db_module.Database(str(Path(work) / "db"))
conn = db_module.Connection(db)


def rows(query, params=None):
    result = conn.execute(query, params or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


conn.execute(
    "CREATE NODE TABLE Actor(id STRING, label STRING, type STRING, mentions INT64,"
    " docs INT64, scopes INT64, first STRING, last STRING, aliases STRING[],"
    " PRIMARY KEY (id))"
)
conn.execute(
    "CREATE REL TABLE Link(FROM Actor TO Actor, id STRING, type STRING,"
    " directed BOOLEAN, weight DOUBLE, docs INT64, first STRING, last STRING,"
    " triggers STRING[], npmi DOUBLE, assoc DOUBLE, jaccard DOUBLE, llr DOUBLE,"
    " alpha DOUBLE, rules STRING[])"
)
conn.execute(f"COPY Actor FROM '{parquet / 'nodes.parquet'}'")
conn.execute(f"COPY Link FROM '{parquet / 'edges.parquet'}'")
assert rows("MATCH (a:Actor) RETURN count(*)")[0][0] == len(nodes)
assert rows("MATCH ()-[l:Link]->() RETURN count(*)")[0][0] == len(links)
by_id = {n["id"]: n for n in nodes}
for id_, aliases in rows("MATCH (a:Actor) RETURN a.id, a.aliases"):
    assert aliases == [a["text"] for a in by_id[id_]["aliases"]], (id_, aliases)
found = rows(
    "MATCH p = (a:Actor)-[:Link* SHORTEST 1..8]-(b:Actor)"
    " WHERE a.id = $a AND b.id = $b RETURN length(p)",
    {"a": source, "b": target},
)
assert found and found[0][0] == int(hops), (found, hops)

# The Neo4j files: headers as neo4j-admin reads them, values as the graph's.
with open(neo4j / "neo4j-nodes.csv", newline="", encoding="utf-8") as f:
    node_rows = list(csv.reader(f))
with open(neo4j / "neo4j-relationships.csv", newline="", encoding="utf-8") as f:
    rel_rows = list(csv.reader(f))
assert node_rows[0][:2] == ["id:ID(Actor)", ":LABEL"], node_rows[0]
assert rel_rows[0][:3] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"], rel_rows[0]
# Loaded as they are (every column a string, arrays split on U+001F) into
# tables of their own, joined to the Parquet ones by id.
conn.execute(
    "CREATE NODE TABLE NeoActor(id STRING, labels STRING, name STRING, type STRING,"
    " mentions STRING, docs STRING, scopes STRING, first STRING, last STRING,"
    " aliases STRING, PRIMARY KEY (id))"
)
conn.execute(
    "CREATE REL TABLE NeoLink(FROM NeoActor TO NeoActor, type STRING, id STRING,"
    " directed STRING, weight STRING, docs STRING, first STRING, last STRING,"
    " triggers STRING, evidence STRING, evidence_doc STRING, npmi STRING,"
    " assoc STRING, jaccard STRING, llr STRING, alpha STRING, rules STRING)"
)
# Quoted fields may hold line breaks (aliases as written): parallel=false
# reads them whole.
options = "(header=true, parallel=false)"
conn.execute(f"COPY NeoActor FROM '{neo4j / 'neo4j-nodes.csv'}' {options}")
conn.execute(f"COPY NeoLink FROM '{neo4j / 'neo4j-relationships.csv'}' {options}")
for id_, labels, name, mentions, aliases in rows(
    "MATCH (a:NeoActor) RETURN a.id, a.labels, a.name, a.mentions, a.aliases"
):
    n = by_id[id_]
    assert labels == "Actor;" + n["type"].capitalize(), (id_, labels)
    assert name == n["label"] and int(mentions) == n["mentions"], (id_, name, mentions)
    expected = [a["text"] for a in n["aliases"]]
    assert (aliases or "").split("\x1f") == (expected or [""]), (id_, aliases, expected)
links_by_id = {f"e{i}": l for i, l in enumerate(links)}
neo_links = rows(
    "MATCH (a:NeoActor)-[l:NeoLink]->(b:NeoActor) RETURN a.id, b.id, l.type, l.id, l.weight, l.evidence, l.rules"
)
assert len(neo_links) == len(links), (len(neo_links), len(links))
for a, b, kind, id_, weight, evidence, rules in neo_links:
    l = links_by_id[id_]
    assert (a, b) == (l["source"], l["target"]), (id_, a, b)
    assert kind == l["type"].upper() and float(weight) == l["weight"], (id_, kind, weight)
    first = l["evidence"][0]["snippet"] if l.get("evidence") else ""
    assert (evidence or "") == first, (id_, evidence, first)
    assert (rules or "") == "\x1f".join(l.get("rules", [])), (id_, rules)
print(f"{db_module.__name__} {getattr(db_module, '__version__', '')}: "
      f"{len(nodes)} actors and {len(links)} links from Parquet and from the Neo4j files; "
      f"{source} to {target} in {hops} hops")

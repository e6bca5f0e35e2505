"""igraph reads actorgraph's GraphML: the same nodes, edges (parallel ones
included, each end in its place) and attribute values as graph.json.

usage: igraph_check.py GRAPH_JSON FILE.graphml
"""

import json
import math
import sys

import igraph

import expected


def main(graph_json, path):
    graph = expected.load(graph_json)
    g = igraph.Graph.Read_GraphML(path)
    names = g.vs["id"]
    nodes = {}
    for v in g.vs:
        attrs = {k: v[k] for k in ("label", "type", "first", "last") if v[k] not in (None, "")}
        attrs["mentions"] = int(v["mentions"])
        attrs["docs"] = int(v["docs"])
        attrs["scopes"] = int(v["scopes"])
        attrs["aliases"] = json.loads(v["aliases"])
        nodes[v["id"]] = attrs
    expected.compare("igraph nodes", nodes, expected.nodes(graph, xml=True))
    edges = {}
    for e in g.es:
        attrs = {k: e[k] for k in ("type", "first", "last", "trigger", "rules", "evidence", "evidence_doc") if e[k] not in (None, "")}
        attrs["directed"] = bool(e["directed"])
        attrs["weight"] = float(e["weight"])
        attrs["docs"] = int(e["docs"])
        # igraph gives an edge without a measure NaN.
        for k in expected.MEASURES:
            if e[k] is not None and not math.isnan(e[k]):
                attrs[k] = float(e[k])
        # igraph 1.0 fills its edge "id" attribute with vertex ids, so the
        # edge's id is read from the "key" attribute actorgraph also writes.
        # igraph orders the ends of undirected edges its own way; `from` and
        # `to` keep the graph's.
        if {names[e.source], names[e.target]} != {e["from"], e["to"]}:
            raise SystemExit(f"edge {e['key']}: ends {names[e.source]}, {names[e.target]} are not from/to")
        edges[e["key"]] = (e["from"], e["to"], attrs)
    expected.compare("igraph edges", edges, expected.edges(graph, xml=True))
    print(f"igraph {igraph.__version__} read graphml: {g.vcount()} nodes, {g.ecount()} edges")


if __name__ == "__main__":
    main(*sys.argv[1:])

"""networkx reads an actorgraph export: the same nodes, edges (parallel ones
included) and attribute values as graph.json.

usage: networkx_check.py GRAPH_JSON FORMAT FILE   (FORMAT: json, gexf, graphml)
"""

import json
import sys

import networkx as nx

import expected


def read(fmt, path):
    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            return nx.node_link_graph(json.load(f), edges="edges")
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    raise SystemExit(f"unknown format {fmt}")


def flat_node(data):
    attrs = {k: data[k] for k in ("label", "type", "mentions", "docs", "scopes", "first", "last") if k in data}
    aliases = data.get("aliases", "[]")
    attrs["aliases"] = json.loads(aliases) if isinstance(aliases, str) else [a["text"] for a in aliases]
    return attrs


def flat_edge(data):
    if "key" in data and "id" in data and data["key"] != data["id"]:
        raise SystemExit(f"edge {data['id']} has key {data['key']}")
    keys = ("type", "directed", "weight", "docs", "first", "last", "trigger", "rules", "evidence", "evidence_doc")
    attrs = {k: data[k] for k in keys if k in data}
    for k in expected.MEASURES:
        if k in data:
            attrs[k] = float(data[k])
    if "triggers" in data and data["triggers"]:
        attrs["trigger"] = data["triggers"][0]
    if isinstance(attrs.get("rules"), list):
        attrs["rules"] = ", ".join(attrs["rules"])
        if not attrs["rules"]:
            del attrs["rules"]
    if "evidence" in data and isinstance(data["evidence"], list):
        del attrs["evidence"]
        if data["evidence"]:
            attrs["evidence"] = data["evidence"][0]["snippet"]
            attrs["evidence_doc"] = data["evidence"][0]["doc"]
    attrs["weight"] = float(attrs["weight"])
    return attrs


def main(graph_json, fmt, path):
    graph = expected.load(graph_json)
    xml = fmt in ("gexf", "graphml")
    G = read(fmt, path)
    if not G.is_multigraph():
        raise SystemExit(f"{fmt}: networkx did not read a multigraph")
    expected.compare(f"{fmt} nodes", {n: flat_node(d) for n, d in G.nodes(data=True)}, expected.nodes(graph, xml))
    # networkx's undirected graphs do not keep which end came first: the ends
    # are compared as sets, and the order is in the `from` and `to` attributes
    # (graph.json writes them on directed edges only).
    got = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        ends = (d["from"], d["to"]) if "from" in d else None
        got[k] = (frozenset((u, v)), ends, flat_edge(d))
    want = {}
    for k, (s, t, a) in expected.edges(graph, xml).items():
        undirected_json = fmt == "json" and not a.get("directed")
        want[k] = (frozenset((s, t)), None if undirected_json else (s, t), a)
    expected.compare(f"{fmt} edges", got, want)
    if fmt == "graphml":
        header = {k: v for k, v in graph["graph"].items() if k in ("tool", "version", "gazetteer") and v}
        # What a scope unit is and how many there are: the N of the measures.
        if graph["graph"].get("options", {}).get("scope"):
            header["scope"] = graph["graph"]["options"]["scope"]
        if graph["graph"].get("counts", {}).get("scopes") is not None:
            header["scopes"] = graph["graph"]["counts"]["scopes"]
        got = {k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")}
        expected.compare("graphml graph data", got, header)
    print(f"networkx {nx.__version__} read {fmt}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


if __name__ == "__main__":
    main(*sys.argv[1:])

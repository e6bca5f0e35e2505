"""Python's csv module reads actorgraph's Gephi tables back: every value of
graph.json, exactly (CSV quoting carries any text, control characters too).

usage: csv_check.py GRAPH_JSON DIR   (DIR holds nodes.csv and edges.csv)
"""

import csv
import json
import os
import sys

import expected


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(graph_json, directory):
    graph = expected.load(graph_json)
    nodes = {}
    for r in rows(os.path.join(directory, "nodes.csv")):
        attrs = {"label": r["Label"], "type": r["Type"], "mentions": int(r["Mentions"]), "docs": int(r["Docs"]), "scopes": int(r["Scopes"])}
        attrs["aliases"] = json.loads(r["Aliases"])
        for col, key in (("First", "first"), ("Last", "last")):
            if r[col]:
                attrs[key] = r[col]
        nodes[r["Id"]] = attrs
    expected.compare("csv nodes", nodes, expected.nodes(graph))
    edges = {}
    for r in rows(os.path.join(directory, "edges.csv")):
        if r["Kind"] != r["Label"]:
            raise SystemExit(f"edge {r['Id']}: Label {r['Label']!r} is not the type {r['Kind']!r}")
        attrs = {"type": r["Kind"], "directed": r["Type"] == "Directed", "weight": float(r["Weight"]), "docs": int(r["Docs"])}
        for col, key in (("First", "first"), ("Last", "last"), ("Trigger", "trigger"), ("Rules", "rules"), ("Evidence", "evidence"), ("EvidenceDoc", "evidence_doc")):
            if r[col]:
                attrs[key] = r[col]
        for key in expected.MEASURES:
            if r[key.capitalize()]:
                attrs[key] = float(r[key.capitalize()])
        edges[r["Id"]] = (r["Source"], r["Target"], attrs)
    expected.compare("csv edges", edges, expected.edges(graph))
    print(f"csv read: {len(nodes)} nodes, {len(edges)} edges")


if __name__ == "__main__":
    main(*sys.argv[1:])

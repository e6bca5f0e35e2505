"""Graphviz drew every name and snippet of graph.json: parses the SVG that
`dot` made from actorgraph's DOT (with Python's XML parser) and compares each
actor's label lines and tooltip, and each link's tooltip, with graph.json,
following the DOT rules in src/export/mod.rs (CR and CRLF are line breaks,
XML-forbidden characters U+FFFD, names over 20 characters wrap at spaces,
tooltips read tabs as spaces).

With ALPHA, the diagram is of the backbone: the links whose `alpha` is at
most ALPHA, and the actors they link (computed here from graph.json).

usage: svg_check.py GRAPH_JSON FILE.svg [ALPHA]
"""

import sys
import xml.etree.ElementTree as ET

import expected

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
WRAP_AT = 20


def dot_text(text):
    return expected.xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def tooltip_text(text):
    # Graphviz writes tabs into SVG attributes as they are, and XML parsers
    # read a tab in an attribute as a space.
    return dot_text(text).replace("\t", " ")


def wrap(label):
    if len(label) <= WRAP_AT or "\n" in label:
        return label
    lines = []
    for word in label.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP_AT:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def tooltip(group):
    for a in group.iter(f"{SVG}a"):
        return a.get(f"{XLINK}title")
    return None


def backbone(graph, alpha):
    edges = [e for e in graph["edges"] if e["alpha"] <= alpha]
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [n for n in graph["nodes"] if n["id"] in linked]
    return {**graph, "nodes": nodes, "edges": edges}


def main(graph_json, path, alpha=None):
    graph = expected.load(graph_json)
    if alpha is not None:
        graph = backbone(graph, float(alpha))
    labels = {dot_text(n["id"]): n["label"] for n in graph["nodes"]}
    drawn = {}
    tips = []
    for g in ET.parse(path).getroot().iter(f"{SVG}g"):
        if g.get("class") == "node":
            name = g.find(f"{SVG}title").text
            drawn[name] = ("\n".join(t.text or "" for t in g.iter(f"{SVG}text")), tooltip(g))
        elif g.get("class") == "edge":
            tips.append(tooltip(g))
    if set(drawn) != set(labels):
        raise SystemExit(f"actors drawn {sorted(drawn)} are not those of graph.json {sorted(labels)}")
    for name, label in labels.items():
        lines, tip = drawn[name]
        expected.compare(f"label of {name!r}", lines, wrap(dot_text(label)))
        if not tip.startswith(tooltip_text(label) + " ("):
            raise SystemExit(f"tooltip of {name!r} is {tip!r}")
    if len(tips) != len(graph["edges"]):
        raise SystemExit(f"{len(tips)} links drawn, graph.json has {len(graph['edges'])}")
    for e in graph["edges"]:
        for ev in e["evidence"][:1]:
            want = tooltip_text(ev["snippet"])
            if not any(want in t for t in tips):
                raise SystemExit(f"no link's tooltip holds the snippet {want!r}")
    print(f"Graphviz drew {len(drawn)} actors and {len(tips)} links")


if __name__ == "__main__":
    main(*sys.argv[1:])

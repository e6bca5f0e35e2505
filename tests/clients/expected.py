"""The values every data format must carry, computed from graph.json with
Python's own json module (not with the client under test), following the
rules documented in actorgraph's src/export/mod.rs."""

import json

# The association measures of a co-mention and every edge's backbone
# significance: numbers, present only where graph.json has them.
MEASURES = ("npmi", "assoc", "jaccard", "llr", "alpha")

# XML 1.0 forbids these even as character references; actorgraph writes U+FFFD.
FORBIDDEN = set(range(0x00, 0x09)) | {0x0B, 0x0C} | set(range(0x0E, 0x20)) | {0xFFFE, 0xFFFF}


def xml_safe(text):
    return "".join("\ufffd" if ord(c) in FORBIDDEN else c for c in text)


def fix_json(text):
    return text.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def nodes(graph, xml=False):
    """{id: {attribute: value}} with the flat formats' attributes."""
    fix = xml_safe if xml else (lambda s: s)
    out = {}
    for n in graph["nodes"]:
        attrs = {
            "label": fix(n["label"]),
            "type": n["type"],
            "mentions": n["mentions"],
            "docs": n["docs"],
            "scopes": n.get("scopes", 0),
            # A JSON array: its \uXXXX escapes carry control characters
            # through XML too; only the non-characters U+FFFE, U+FFFF go.
            "aliases": [fix_json(a["text"]) if xml else a["text"] for a in n.get("aliases", [])],
        }
        for key in ("first", "last"):
            if n.get(key) is not None:
                attrs[key] = n[key]
        out[fix(n["id"])] = attrs
    return out


def edges(graph, xml=False):
    """{key: (source, target, {attribute: value})} with the flat formats' attributes."""
    fix = xml_safe if xml else (lambda s: s)
    out = {}
    for e in graph["edges"]:
        attrs = {
            "type": e["type"],
            "directed": e["directed"],
            "weight": float(e["weight"]),
            "docs": e["docs"],
        }
        for key in ("first", "last"):
            if e.get(key) is not None:
                attrs[key] = e[key]
        if e.get("triggers"):
            attrs["trigger"] = fix(e["triggers"][0])
        if e.get("rules"):
            attrs["rules"] = fix(", ".join(e["rules"]))
        if e.get("evidence"):
            attrs["evidence"] = fix(e["evidence"][0]["snippet"])
            attrs["evidence_doc"] = fix(e["evidence"][0]["doc"])
        for key in MEASURES:
            if e.get(key) is not None:
                attrs[key] = float(e[key])
        out[e["key"]] = (fix(e["source"]), fix(e["target"]), attrs)
    return out


def compare(what, got, want):
    """Exits with a readable difference when got != want."""
    if got == want:
        return
    import sys

    lines = [f"{what} differ:"]
    if isinstance(want, dict) and isinstance(got, dict):
        for k in sorted(set(want) | set(got), key=str):
            if want.get(k) != got.get(k):
                lines.append(f"  {k!r}:\n    want {want.get(k)!r}\n    got  {got.get(k)!r}")
    else:
        lines.append(f"  want {want!r}\n  got  {got!r}")
    print("\n".join(lines), file=sys.stderr)
    sys.exit(1)

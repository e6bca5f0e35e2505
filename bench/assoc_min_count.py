#!/usr/bin/env python3
"""How many co-mentions a pair needs before its association measures can be
trusted: the measurement behind `build --min-count` (MIN_COUNT in
src/graph/association.rs).

The corpus is split in two halves (documents alternately); each half is built
into a graph by `actorgraph build`. For the pairs seen exactly k times in one
half (whose two actors the other half also names), it reports how often the
pair is seen together again in the other half, and how far apart the two
halves' NPMI are (recomputed here from the counts the graph files keep; a
pair never seen together has NPMI -1), for k = 1, 2, 3, 4 and 5 or more, both
ways round. Half counts come from demonyms.

usage: bench/assoc_min_count.py [CORPUS.jsonl] [ACTORGRAPH]
  (defaults: ../shared/bench/reuters21578.jsonl, target/release/actorgraph)
"""

import json
import math
import os
import subprocess
import sys
import tempfile


def npmi(k, a, b, n):
    k = min(k, a, b)
    n = max(n, a + b - k)
    if k <= 0:
        return None
    if k >= n:
        return 1.0
    return max(-1.0, min(1.0, math.log(k * n / (a * b)) / -math.log(k / n)))


def pairs(graph):
    """{(a, b): npmi} and {(a, b): k} of the co-mentions of a graph file."""
    nodes = {n["id"]: n.get("scopes", 0) for n in graph["nodes"]}
    total = graph["graph"]["counts"]["scopes"]
    weights = {}
    for e in graph["edges"]:
        if e["type"] == "co_mention":
            weights[tuple(sorted((e["source"], e["target"])))] = e["weight"]
    return nodes, total, weights


def pearson(xs, ys):
    n = len(xs)
    if n < 3:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    if sx == 0 or sy == 0:
        return float("nan")
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (sx * sy)


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/reuters21578.jsonl"
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/actorgraph"
    with tempfile.TemporaryDirectory() as tmp:
        halves = [os.path.join(tmp, f"half{i}.jsonl") for i in (0, 1)]
        with open(corpus, encoding="utf-8") as f, open(halves[0], "w") as h0, open(halves[1], "w") as h1:
            for i, line in enumerate(f):
                (h0 if i % 2 == 0 else h1).write(line)
        graphs = []
        for i, half in enumerate(halves):
            out = os.path.join(tmp, f"g{i}.json")
            subprocess.run([binary, "build", half, "-o", out, "--quiet"], check=True)
            with open(out, encoding="utf-8") as f:
                graphs.append(pairs(json.load(f)))
    print(f"corpus {corpus}: halves of {graphs[0][1]} and {graphs[1][1]} sentences")
    print("k in one half | pairs | seen together again | mean |NPMI difference| | NPMI above 0.5 here, and below 0 there")
    for label, test in [("1", lambda k: k == 1), ("1.5", lambda k: k == 1.5), ("2", lambda k: k == 2),
                        ("2.5", lambda k: k == 2.5), ("3", lambda k: k == 3), ("4", lambda k: 3 < k <= 4),
                        ("5+", lambda k: k > 4)]:
        count = again = 0
        differences = []
        high = flipped = 0
        for (one, other) in ((graphs[0], graphs[1]), (graphs[1], graphs[0])):
            nodes_a, total_a, weights_a = one
            nodes_b, total_b, weights_b = other
            for pair, k in weights_a.items():
                if not test(k) or not (nodes_b.get(pair[0]) and nodes_b.get(pair[1])):
                    continue
                count += 1
                kb = weights_b.get(pair, 0)
                again += kb > 0
                xa = npmi(k, nodes_a[pair[0]], nodes_a[pair[1]], total_a)
                xb = npmi(kb, nodes_b[pair[0]], nodes_b[pair[1]], total_b) if kb else -1.0
                differences.append(abs(xa - xb))
                if xa > 0.5:
                    high += 1
                    flipped += xb < 0
        if count:
            mean = sum(differences) / len(differences)
            print(f"{label:>13} | {count:5} | {again / count:6.1%} | {mean:.2f} | {flipped}/{high}")

if __name__ == "__main__":
    main()

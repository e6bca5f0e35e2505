"""An independent implementation checks every association measure and the
backbone significance of a graph file: NPMI, association strength and
Jaccard recomputed from the counts graph.json keeps, the log-likelihood G²
by scipy's chi2_contingency on the 2x2 table, the disparity filter's alpha
by scipy's beta distribution over networkx's degrees and strengths. Values
agree to the six significant digits the file keeps.

usage: association_check.py GRAPH_JSON
"""

import math
import sys

import networkx as nx
from scipy.stats import beta, chi2_contingency

import expected


def close(got, want, what):
    if not math.isclose(got, want, rel_tol=1e-5, abs_tol=1e-9):
        raise SystemExit(f"{what}: actorgraph says {got!r}, the check {want!r}")


def table(k, a, b, n):
    k = min(k, a, b)
    n = max(n, a + b - k)
    return k, a, b, n


def main(graph_json):
    graph = expected.load(graph_json)
    n_total = graph["graph"]["counts"]["scopes"]
    min_count = graph["graph"]["options"]["min_count"]
    scopes = {v["id"]: v["scopes"] for v in graph["nodes"]}
    checked = 0
    for e in graph["edges"]:
        if e["type"] != "co_mention" or e["weight"] < min_count:
            if any(m in e for m in ("npmi", "assoc", "jaccard", "llr")):
                raise SystemExit(f"edge {e['key']} carries measures it should not")
            continue
        k, a, b, n = table(e["weight"], scopes[e["source"]], scopes[e["target"]], n_total)
        what = f"edge {e['key']} ({e['source']} - {e['target']}: k {k}, a {a}, b {b}, N {n})"
        npmi = 1.0 if k >= n else math.log(k * n / (a * b)) / -math.log(k / n)
        close(e["npmi"], npmi, what + " npmi")
        close(e["assoc"], k * n / (a * b), what + " assoc")
        close(e["jaccard"], k / (a + b - k), what + " jaccard")
        observed = [[k, a - k], [b - k, n - a - b + k]]
        g2, _, _, _ = chi2_contingency(observed, correction=False, lambda_="log-likelihood")
        signed = g2 if k * n >= a * b else -g2
        close(e["llr"], signed, what + " llr")
        checked += 1
    # The disparity filter on the pairs, each weighing its heaviest edge.
    pairs = nx.Graph()
    pairs.add_nodes_from(scopes)
    for e in graph["edges"]:
        if e["source"] == e["target"]:
            continue
        w = pairs.get_edge_data(e["source"], e["target"], {}).get("weight", 0.0)
        pairs.add_edge(e["source"], e["target"], weight=max(w, e["weight"]))
    strength = dict(pairs.degree(weight="weight"))
    degree = dict(pairs.degree())

    def end_alpha(v, w):
        if degree[v] <= 1:
            return 1.0
        return beta.sf(w / strength[v], 1, degree[v] - 1)

    for e in graph["edges"]:
        if e["source"] == e["target"]:
            continue
        w = pairs[e["source"]][e["target"]]["weight"]
        want = min(end_alpha(e["source"], w), end_alpha(e["target"], w))
        close(e["alpha"], want, f"edge {e['key']} alpha")
    print(f"scipy and networkx agree on the measures of {checked} co-mentions and the alpha of {len(graph['edges'])} edges")


if __name__ == "__main__":
    main(*sys.argv[1:])

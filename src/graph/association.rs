//! Association measures of co-mentions: how much more (or less) often two
//! actors are named together than their own frequencies would make them by
//! chance. Raw co-mention counts reward the actors that every article names
//! (a country, a president); association corrects for it, as the tools of
//! co-word analysis do (VOSviewer, KH Coder).
//!
//! # The counts
//!
//! Every measure is computed from four counts that the graph file keeps, so
//! that a user can recompute it, or any other measure, from the file alone:
//!
//! | count | in the graph file | meaning |
//! |---|---|---|
//! | N | `graph.counts.scopes` | scope units in the corpus: sentences (`--scope sentence`, the default), paragraphs, documents, or for `window:W` one window per sentence (that sentence and the W-1 before it) |
//! | a, b | each node's `scopes` | the units that mention each actor (by any name, demonyms included) |
//! | k | the `co_mention` edge's `weight` | the units that mention both; a unit where one of them is only a demonym counts `demonym_weight` (0.5) |
//!
//! Repeated captions and copies of a document count once, as everywhere in
//! the graph. In a file written by another tool k may exceed a or b, or a + b
//! - k exceed N; the counts are then clamped (k to min(a, b), N to a + b - k)
//!   so that every measure stays defined.
//!
//! # The measures
//!
//! | field | formula | range | reference |
//! |---|---|---|---|
//! | `npmi` | ln(k N / (a b)) / −ln(k / N); 1 when k = N | −1 (never together) … 0 (chance) … 1 (always together) | Bouma, *Normalized (pointwise) mutual information in collocation extraction*, GSCL 2009 |
//! | `assoc` | k N / (a b) | 0 … 1 (chance) … ∞ | van Eck and Waltman, *How to normalize cooccurrence data?*, JASIST 60(8), 2009: their association strength k / (a b), times N so that 1 means chance |
//! | `jaccard` | k / (a + b − k) | 0 … 1 | Jaccard 1912; KH Coder's co-occurrence networks |
//! | `llr` | G² = 2 Σ O ln(O / E) over the 2×2 table, signed | −∞ … 0 … ∞ | Dunning, *Accurate methods for the statistics of surprise and coincidence*, Computational Linguistics 19(1), 1993 |
//!
//! For `llr` the 2×2 table is O = (k, a − k; b − k, N − a − b + k) and E the
//! products of its margins over N (0 ln 0 = 0); its sign is the sign of
//! k N − a b, so that a pair seen less often than chance ranks below every
//! attracted pair (G² itself is the absolute value, χ² with one degree of
//! freedom under independence).
//!
//! Every value is rounded to [`SIGNIFICANT_DIGITS`] significant digits, so
//! that the graph file stays small and a value read back is the value written.
//!
//! # Too few to trust
//!
//! A pair seen once is not evidence of an association: two rare actors named
//! together once score NPMI near 1 (pointwise measures favour rare events).
//! The measures are computed only for pairs seen at least [`MIN_COUNT`] times
//! (`build --min-count`); other edges carry none. The value was measured on
//! the Reuters-21578 stories split in two halves (`bench/assoc_min_count.py`,
//! figures in `bench/README.md`): of the pairs seen once in one half, 45% are
//! seen together again in the other and their NPMI differs there by 0.76 on
//! average; seen twice, 67% and 0.48; three times, 82% and 0.30. The step
//! from 1 to 2 is the largest; 3 would drop a further half of the pairs that
//! a small corpus has (of the 1,026 co-mentions of the 55 annotated
//! documents, 141 are seen twice or more, 56 three times or more).

use serde::{Deserialize, Serialize};

use super::{EdgeKind, Graph};

/// Co-mentions needed before a pair's measures are computed (the default of
/// `build --min-count`); see the module's documentation.
pub const MIN_COUNT: f64 = 2.0;

/// Significant digits kept of every measure.
pub const SIGNIFICANT_DIGITS: usize = 6;

/// The measures of one pair; see the module's documentation for each.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Association {
    /// Normalized pointwise mutual information, −1 … 1.
    pub npmi: f64,
    /// Association strength: observed over expected co-mentions (1 = chance).
    pub assoc: f64,
    /// Jaccard index, 0 … 1.
    pub jaccard: f64,
    /// Log-likelihood ratio G², signed by the direction of the association.
    pub llr: f64,
}

/// The four counts behind every measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    /// k: units that mention both actors.
    pub both: f64,
    /// a: units that mention the first actor.
    pub first: f64,
    /// b: units that mention the second actor.
    pub second: f64,
    /// N: units in the corpus.
    pub total: f64,
}

impl Counts {
    /// The counts clamped into a possible 2×2 table, or `None` when a
    /// measure is undefined (no co-mention, an actor never counted, or
    /// values that are not finite).
    fn table(self) -> Option<Counts> {
        let Counts {
            both,
            first,
            second,
            total,
        } = self;
        if ![both, first, second, total].iter().all(|x| x.is_finite()) {
            return None;
        }
        if both <= 0.0 || first <= 0.0 || second <= 0.0 || total <= 0.0 {
            return None;
        }
        let both = both.min(first).min(second);
        Some(Counts {
            both,
            first,
            second,
            total: total.max(first + second - both),
        })
    }
}

/// NPMI alone, unrounded (the queries need no other measure); `None` when
/// undefined. O(1).
pub fn npmi_exact(counts: Counts) -> Option<f64> {
    let Counts {
        both: k,
        first: a,
        second: b,
        total: n,
    } = counts.table()?;
    Some(npmi_of(k, a, b, n))
}

fn npmi_of(k: f64, a: f64, b: f64, n: f64) -> f64 {
    if k >= n {
        1.0
    } else {
        ((k * n / (a * b)).ln() / -(k / n).ln()).clamp(-1.0, 1.0)
    }
}

/// The measures of a pair, unrounded; `None` when undefined (see
/// [`Counts`]). O(1).
pub fn measures_exact(counts: Counts) -> Option<Association> {
    let Counts {
        both: k,
        first: a,
        second: b,
        total: n,
    } = counts.table()?;
    let ratio = k * n / (a * b);
    let npmi = npmi_of(k, a, b, n);
    let jaccard = k / (a + b - k);
    let observed = [k, a - k, b - k, n - a - b + k];
    let expected = [
        a * b / n,
        a * (n - b) / n,
        (n - a) * b / n,
        (n - a) * (n - b) / n,
    ];
    let g2: f64 = 2.0
        * observed
            .iter()
            .zip(expected)
            .filter(|(o, _)| **o > 0.0)
            .map(|(o, e)| o * (o / e).ln())
            .sum::<f64>();
    let g2 = g2.max(0.0);
    let llr = if k * n < a * b { -g2 } else { g2 };
    Some(Association {
        npmi,
        assoc: ratio,
        jaccard,
        llr,
    })
}

/// The measures of a pair, rounded to [`SIGNIFICANT_DIGITS`] as the graph
/// file keeps them.
pub fn measures(counts: Counts) -> Option<Association> {
    measures_exact(counts).map(|m| Association {
        npmi: round(m.npmi),
        assoc: round(m.assoc),
        jaccard: round(m.jaccard),
        llr: round(m.llr),
    })
}

/// `x` rounded to [`SIGNIFICANT_DIGITS`] significant digits.
pub fn round(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{:.*e}", SIGNIFICANT_DIGITS - 1, x)
        .parse()
        .unwrap_or(x)
}

/// The counts of a `co_mention` edge, from the graph's node counts and
/// header; `None` when the graph lacks them (a file made before they were
/// kept, or by another tool).
pub fn counts(graph: &Graph, edge: &super::Edge) -> Option<Counts> {
    let total = graph.scopes()? as f64;
    let (a, b) = (graph.node(edge.source), graph.node(edge.target));
    Some(Counts {
        both: edge.weight,
        first: a.scopes as f64,
        second: b.scopes as f64,
        total,
    })
}

/// Sets the measures of every `co_mention` edge whose weight is at least
/// `min_count`, and clears them elsewhere. O(E). Without the counts (see
/// [`counts`]) every edge is left without measures.
pub fn annotate(graph: &mut Graph, min_count: f64) {
    use rayon::prelude::*;
    // Each edge on its own, on every core (rounding, by printing and
    // parsing, is most of the cost).
    let values: Vec<Option<Association>> = graph
        .edges()
        .par_iter()
        .map(|e| {
            if e.kind != EdgeKind::CoMention || e.weight < min_count {
                return None;
            }
            counts(graph, e).and_then(measures)
        })
        .collect();
    for (e, value) in graph.edges_mut().iter_mut().zip(values) {
        e.association = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn a_hand_computed_pair() {
        // 100 sentences; A in 10, B in 20, both in 5.
        // ratio = 5·100 / (10·20) = 2.5; npmi = ln 2.5 / −ln 0.05 = 0.305865…
        // jaccard = 5 / 25 = 0.2.
        // Table (5, 5; 15, 75), expected (2, 8; 18, 72):
        // G² = 2 (5 ln 2.5 + 5 ln 0.625 + 15 ln(15/18) + 75 ln(75/72)) = 5.116524…
        let m = measures_exact(Counts {
            both: 5.0,
            first: 10.0,
            second: 20.0,
            total: 100.0,
        })
        .unwrap();
        assert!(close(m.assoc, 2.5), "{m:?}");
        assert!(close(m.npmi, 2.5f64.ln() / 20f64.ln()), "{m:?}");
        assert!((m.npmi - 0.305_865_36).abs() < 1e-8, "{}", m.npmi);
        assert!(close(m.jaccard, 0.2), "{m:?}");
        let g2 = 2.0
            * (5.0 * 2.5f64.ln()
                + 5.0 * 0.625f64.ln()
                + 15.0 * (15.0f64 / 18.0).ln()
                + 75.0 * (75.0f64 / 72.0).ln());
        assert!(close(m.llr, g2), "{} vs {g2}", m.llr);
        assert!((m.llr - 5.116_524).abs() < 1e-6, "{}", m.llr);
        let rounded = measures(Counts {
            both: 5.0,
            first: 10.0,
            second: 20.0,
            total: 100.0,
        })
        .unwrap();
        assert_eq!(rounded.npmi, 0.305865);
        assert_eq!(rounded.assoc, 2.5);
    }

    #[test]
    fn the_bounds_of_each_measure() {
        // Always together: npmi 1, jaccard 1.
        let m = measures_exact(Counts {
            both: 4.0,
            first: 4.0,
            second: 4.0,
            total: 50.0,
        })
        .unwrap();
        assert!(close(m.npmi, 1.0) && close(m.jaccard, 1.0), "{m:?}");
        // Every unit names both: still 1, not 0/0.
        let m = measures_exact(Counts {
            both: 3.0,
            first: 3.0,
            second: 3.0,
            total: 3.0,
        })
        .unwrap();
        assert_eq!(m.npmi, 1.0);
        // Chance: a hub in half the units, the other in a fifth, together in
        // a tenth: assoc 1, npmi 0, llr 0.
        let m = measures_exact(Counts {
            both: 10.0,
            first: 50.0,
            second: 20.0,
            total: 100.0,
        })
        .unwrap();
        assert!(
            close(m.assoc, 1.0) && m.npmi.abs() < 1e-12 && m.llr.abs() < 1e-9,
            "{m:?}"
        );
        // Less than chance: negative npmi and llr.
        let m = measures_exact(Counts {
            both: 2.0,
            first: 50.0,
            second: 20.0,
            total: 100.0,
        })
        .unwrap();
        assert!(m.npmi < 0.0 && m.llr < 0.0 && m.assoc < 1.0, "{m:?}");
    }

    #[test]
    fn impossible_counts_are_clamped_and_empty_ones_undefined() {
        let zero = |both, first, second, total| {
            measures(Counts {
                both,
                first,
                second,
                total,
            })
        };
        assert_eq!(zero(0.0, 3.0, 3.0, 10.0), None);
        assert_eq!(zero(1.0, 0.0, 3.0, 10.0), None);
        assert_eq!(zero(1.0, 3.0, 3.0, 0.0), None);
        assert_eq!(zero(f64::NAN, 3.0, 3.0, 10.0), None);
        // k above a: as if k = a.
        assert_eq!(zero(5.0, 3.0, 4.0, 10.0), zero(3.0, 3.0, 4.0, 10.0));
        // a + b − k above N: N grows to a + b − k.
        assert_eq!(zero(1.0, 6.0, 6.0, 5.0), zero(1.0, 6.0, 6.0, 11.0));
        // Half counts (demonyms) are fine.
        assert!(zero(0.5, 1.0, 2.0, 10.0).is_some());
    }

    #[test]
    fn rounding_keeps_six_significant_digits() {
        assert_eq!(round(0.123_456_789), 0.123457);
        assert_eq!(round(123_456.789), 123_457.0);
        assert_eq!(round(-0.000_012_345_678), -0.000_012_345_7);
        assert_eq!(round(0.0), 0.0);
    }

    #[test]
    fn annotate_fills_co_mentions_seen_often_enough() {
        let mut g = crate::graph::tests::sample();
        // No counts in the header: nothing.
        g.header.counts.clear();
        annotate(&mut g, 1.0);
        assert!(g.edges().iter().all(|e| e.association.is_none()));
        g.header
            .counts
            .insert("scopes".into(), serde_json::Value::from(10));
        annotate(&mut g, 1.0);
        let with: Vec<(EdgeKind, f64)> = g
            .edges()
            .iter()
            .filter(|e| e.association.is_some())
            .map(|e| (e.kind, e.weight))
            .collect();
        // Both co_mentions of weight >= 1, not the typed edge, not 0.5.
        assert_eq!(
            with,
            [(EdgeKind::CoMention, 2.0), (EdgeKind::CoMention, 1.0)]
        );
        // araji–rashid: k 2, a 3, b 3, N 10.
        let m = g.edges()[0].association.unwrap();
        assert_eq!(m.jaccard, 0.5);
        assert_eq!(m.assoc, round(20.0 / 9.0));
        annotate(&mut g, 2.0);
        assert_eq!(
            g.edges().iter().filter(|e| e.association.is_some()).count(),
            1
        );
    }
}

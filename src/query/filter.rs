//! Which edges a query may use: edge types to keep or leave out, a date window,
//! a minimum weight, and which gazetteer facts.

use std::cmp::Ordering;

use serde::Serialize;

use crate::date::Date;
use crate::graph::view::{GraphView, LeanEdge};
use crate::graph::{Edge, EdgeKind, NodeIndex};

/// Which gazetteer facts (edges that no document attests: `docs` is 0, the
/// evidence a gazetteer line) a query may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Facts {
    /// Every fact.
    #[default]
    All,
    /// The facts whose dates overlap the corpus's dates (the first and last
    /// dates of the documents that mention the graph's actors), and the
    /// undated ones: a 2025 office says nothing about a 2024 corpus. Every
    /// fact when the corpus has no dates. `path`'s default.
    AttestedPeriod,
    /// No fact: only what documents attest.
    None,
}

impl Facts {
    /// `all`, `attested-period`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Facts::All => "all",
            Facts::AttestedPeriod => "attested-period",
            Facts::None => "none",
        }
    }
}

/// The corpus's dates: the earliest `first` and the latest `last` of the
/// graph's actors (dates of the documents that mention them), or `None`
/// when no document is dated. O(V).
pub fn corpus_period(graph: &(impl GraphView + ?Sized)) -> Option<(Date, Date)> {
    let dates = (0..graph.node_count() as NodeIndex).map(|v| graph.node_dates(v));
    let first = dates.clone().filter_map(|d| d.0).min()?;
    let last = dates.filter_map(|d| d.1).max()?;
    Some((first, last))
}

/// The edges a query may walk along. The default admits every edge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeFilter {
    /// Only these types; empty means every type.
    pub types: Vec<EdgeKind>,
    /// Never these types (applied after `types`).
    pub exclude: Vec<EdgeKind>,
    /// Only edges attested on or after this date.
    pub since: Option<Date>,
    /// Only edges attested on or before this date.
    pub until: Option<Date>,
    /// Only edges of at least this weight.
    pub min_weight: Option<f64>,
    /// Which gazetteer facts (edges with `docs` 0); [`Facts::AttestedPeriod`]
    /// needs [`EdgeFilter::for_graph`] to know the corpus's dates.
    pub facts: Facts,
    /// The corpus's dates, for [`Facts::AttestedPeriod`]; set by
    /// [`EdgeFilter::for_graph`].
    pub period: Option<(Date, Date)>,
    /// Under a date window, also edges with no date at all (from undated
    /// documents, or undated facts); left out by default, since nothing says
    /// they fall in the window.
    pub undated: bool,
}

impl EdgeFilter {
    /// True when a query may use the edge.
    ///
    /// The date window keeps an edge whose span `[first, last]` overlaps
    /// `[since, until]`. A missing `first` is open towards the past and a
    /// missing `last` towards the future (a gazetteer fact that still holds),
    /// so a fact that still holds passes every later window. An edge with no
    /// date at all passes a window only when `undated` says so. Dates are
    /// compared at the precision both know: `2024` overlaps `--since
    /// 2024-12-01`.
    pub fn admits(&self, edge: &Edge) -> bool {
        self.admits_lean(&LeanEdge::of(edge))
    }

    /// The same, of an edge read without its words and evidence.
    pub fn admits_lean(&self, edge: &LeanEdge) -> bool {
        if !self.types.is_empty() && !self.types.contains(&edge.kind) {
            return false;
        }
        if self.exclude.contains(&edge.kind) {
            return false;
        }
        if self.min_weight.is_some_and(|w| edge.weight < w) {
            return false;
        }
        if edge.docs == 0 && !self.admits_fact(edge) {
            return false;
        }
        let windowed = self.since.is_some() || self.until.is_some();
        if windowed && edge.first.is_none() && edge.last.is_none() && !self.undated {
            return false;
        }
        if let (Some(since), Some(last)) = (self.since, edge.last)
            && coarse_cmp(last, since) == Ordering::Less
        {
            return false;
        }
        if let (Some(until), Some(first)) = (self.until, edge.first)
            && coarse_cmp(first, until) == Ordering::Greater
        {
            return false;
        }
        true
    }

    /// True when the filter admits every edge.
    pub fn is_empty(&self) -> bool {
        *self == EdgeFilter::default()
    }

    /// The filter with the corpus's dates that [`Facts::AttestedPeriod`]
    /// needs, from `graph` ([`corpus_period`]). O(V), once per query.
    pub fn for_graph(mut self, graph: &(impl GraphView + ?Sized)) -> EdgeFilter {
        if self.facts == Facts::AttestedPeriod && self.period.is_none() {
            self.period = corpus_period(graph);
        }
        self
    }

    /// True when the policy on facts admits this fact: for
    /// [`Facts::AttestedPeriod`], when its span `[first, last]` overlaps the
    /// corpus's dates (an open end is open, as in a date window).
    fn admits_fact(&self, edge: &LeanEdge) -> bool {
        match (self.facts, self.period) {
            (Facts::All, _) | (Facts::AttestedPeriod, None) => true,
            (Facts::None, _) => false,
            (Facts::AttestedPeriod, Some((first, last))) => {
                edge.last
                    .is_none_or(|l| coarse_cmp(l, first) != Ordering::Less)
                    && edge
                        .first
                        .is_none_or(|f| coarse_cmp(f, last) != Ordering::Greater)
            }
        }
    }
}

/// Compares two dates on the parts both know: `2024` equals `2024-12-08`.
/// Their printed forms are zero-padded, so a common prefix compares as dates do.
pub fn coarse_cmp(a: Date, b: Date) -> Ordering {
    let (a, b) = (a.to_string(), b.to_string());
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn types_and_exclusions() {
        let g = sample();
        let meets = EdgeFilter {
            types: vec![EdgeKind::Supports],
            ..EdgeFilter::default()
        };
        assert_eq!(g.edges().iter().filter(|e| meets.admits(e)).count(), 1);
        let no_co = EdgeFilter {
            exclude: vec![EdgeKind::CoMention],
            ..EdgeFilter::default()
        };
        assert_eq!(g.edges().iter().filter(|e| no_co.admits(e)).count(), 1);
        let heavy = EdgeFilter {
            min_weight: Some(1.0),
            ..EdgeFilter::default()
        };
        assert_eq!(g.edges().iter().filter(|e| heavy.admits(e)).count(), 3);
        let mut fact = g.edges()[0].clone();
        fact.docs = 0;
        let attested = EdgeFilter {
            facts: Facts::None,
            ..EdgeFilter::default()
        };
        assert!(attested.admits(&g.edges()[0]) && !attested.admits(&fact));
        assert!(EdgeFilter::default().is_empty());
    }

    #[test]
    fn date_window_overlaps_the_edge_span() {
        let mut edge = sample().edges()[0].clone();
        edge.first = date("2024-11-30");
        edge.last = date("2024-12-03");
        let window = |since: &str, until: &str| EdgeFilter {
            since: date(since),
            until: date(until),
            ..EdgeFilter::default()
        };
        let table = [
            ("2024-12-01", "2024-12-02", true),
            ("2024-12-03", "2025", true),
            ("2024-12-04", "2025", false),
            ("2023", "2024-11-29", false),
            ("2024", "2024", true),
            ("2024-12", "2024-12", true),
        ];
        for (since, until, want) in table {
            assert_eq!(window(since, until).admits(&edge), want, "{since}..{until}");
        }
        edge.first = date("2017-01-28");
        edge.last = None;
        assert!(window("2025-01-01", "2025-02-01").admits(&edge));
        assert!(!window("2010", "2016").admits(&edge));
        // No date at all: out of every window, unless asked for.
        edge.first = None;
        assert!(!window("2030", "2031").admits(&edge));
        assert!(EdgeFilter::default().admits(&edge));
        let undated = EdgeFilter {
            undated: true,
            ..window("2030", "2031")
        };
        assert!(undated.admits(&edge));
    }

    #[test]
    fn facts_outside_the_corpus_dates_are_left_out_by_default() {
        let g = sample(); // actors dated 2024-11-30 to 2024-12-03
        assert_eq!(
            corpus_period(&g),
            Some(("2024-11-30".parse().unwrap(), "2024-12-03".parse().unwrap()))
        );
        let period = EdgeFilter {
            facts: Facts::AttestedPeriod,
            ..EdgeFilter::default()
        };
        let mut fact = g.edges()[2].clone();
        fact.docs = 0;
        // A 2025 office: after the corpus.
        (fact.first, fact.last) = (date("2025-01-29"), None);
        assert!(
            period.admits(&fact),
            "without the corpus's dates, every fact"
        );
        let period = period.for_graph(&g);
        assert!(!period.admits(&fact));
        // A leadership from 2017 that ended in 2025 overlaps it.
        (fact.first, fact.last) = (date("2017-10-01"), date("2025-01-29"));
        assert!(period.admits(&fact));
        // Known only to the month, or undated: kept.
        (fact.first, fact.last) = (date("2024-12"), None);
        assert!(period.admits(&fact));
        (fact.first, fact.last) = (None, None);
        assert!(period.admits(&fact));
        // Ended before: out.
        (fact.first, fact.last) = (date("2019"), date("2024-11-29"));
        assert!(!period.admits(&fact));
        // What documents attest is never a fact, whatever its dates.
        let mut attested = fact.clone();
        attested.docs = 1;
        assert!(period.admits(&attested));
        let all = EdgeFilter::default().for_graph(&g);
        assert!(all.admits(&fact) && all.period.is_none());
    }
}

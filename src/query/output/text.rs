//! Answers as text for a reader: every hop with its actors, the edge's type
//! and direction, weight, documents, dates, and the evidence that shows it.

use std::io::{self, Write};

use super::number;
use crate::date::Date;
use crate::graph::EdgeKind;
use crate::query::explain::{Actor, Direction, Hop, PathAnswer};
use crate::query::neighbors::Neighbor;
use crate::query::rank::Ranking;
use crate::query::search::Metric;

/// Writes the routes of a `path` answer, hop by hop. The cost is the
/// metric's (for hops, the strength cost breaks ties); by specificity each
/// hop also says how specific it is and why.
///
/// ```text
/// Route 1 of 1: 2 hops, weight 3, cost 3.1 (by specificity)
///   Qasim al-Araji (person) —co_mention— Abdul Latif Jamal Rashid (person)
///       weight 2, 1 document, 2024-12-01; also ←supports— weight 1
///       specificity 0.5: npmi 0.5 over 2 co-mentions
///       [d1] "Rashid met al-Araji."
/// ```
pub fn write_path(answer: &PathAnswer, out: &mut dyn Write) -> io::Result<()> {
    let total = answer.paths.len();
    for (i, route) in answer.paths.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let cost = match answer.by {
            Metric::Specificity => route.score,
            Metric::Hops | Metric::Strength => route.cost,
        };
        writeln!(
            out,
            "Route {} of {total}: {} hop{}, weight {}, cost {} (by {})",
            route.rank,
            route.hops,
            plural(route.hops),
            number(route.weight),
            number(cost),
            answer.by.as_str()
        )?;
        for hop in &route.steps {
            write_hop(hop, answer.by, out)?;
        }
    }
    Ok(())
}

fn write_hop(hop: &Hop, by: Metric, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  {} {} {}",
        actor(&hop.from),
        arrow(hop.kind.as_str(), hop.direction),
        actor(&hop.to)
    )?;
    let docs = format!("{} document{}", hop.docs, plural(hop.docs as usize));
    let mut facts = format!("weight {}, {docs}", number(hop.weight));
    if let Some(span) = dates(hop.first, hop.last) {
        facts.push_str(&format!(", {span}"));
    }
    if !hop.triggers.is_empty() {
        facts.push_str(&format!(", triggers: {}", hop.triggers.join(", ")));
    }
    if !hop.rules.is_empty() {
        facts.push_str(&format!(", found by {}", hop.rules.join(", ")));
    }
    let also: Vec<String> = hop
        .also
        .iter()
        .map(|o| {
            format!(
                "{} weight {}",
                arrow(o.kind.as_str(), o.direction),
                number(o.weight)
            )
        })
        .collect();
    if !also.is_empty() {
        facts.push_str(&format!("; also {}", also.join(", ")));
    }
    writeln!(out, "      {facts}")?;
    if by == Metric::Specificity {
        writeln!(out, "      {}", specificity(hop))?;
    }
    match &hop.evidence {
        Some(ev) => {
            let more = hop.evidence_count.saturating_sub(1);
            let more = if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            };
            writeln!(
                out,
                "      [{}] \"{}\"{more}",
                ev.doc,
                one_line(&ev.snippet)
            )
        }
        None => writeln!(out, "      (no evidence kept)"),
    }
}

/// Writes an ego network: each actor with its ties one ring inwards.
pub fn write_neighbors(
    center: &Actor,
    depth: u32,
    list: &[Neighbor],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} ({}, {}): {} actor{} within {depth} hop{}",
        center.label,
        center.kind,
        center.id,
        list.len(),
        plural(list.len()),
        plural(depth as usize)
    )?;
    for n in list {
        writeln!(
            out,
            "  {}  {} ({}, {})",
            n.depth, n.actor.label, n.actor.kind, n.actor.id
        )?;
        let ties: Vec<String> = n
            .ties
            .iter()
            .map(|t| {
                let arrow = arrow(t.kind.as_str(), t.direction);
                format!(
                    "{arrow} {} (weight {}, specificity {})",
                    t.to.label,
                    number(t.weight),
                    number3(t.specificity)
                )
            })
            .collect();
        writeln!(out, "       {}", ties.join("; "))?;
    }
    Ok(())
}

/// Writes a ranking as a table.
pub fn write_ranking(ranking: &Ranking, out: &mut dyn Write) -> io::Result<()> {
    if let (false, Some(sources)) = (ranking.exact, ranking.sources) {
        writeln!(
            out,
            "# betweenness estimated from {sources} sampled source actors"
        )?;
    }
    writeln!(out, "rank\tscore\ttype\tid\tlabel")?;
    for r in &ranking.actors {
        let score = if r.score.fract() == 0.0 {
            number(r.score)
        } else {
            format!("{:.6}", r.score)
        };
        writeln!(
            out,
            "{}\t{score}\t{}\t{}\t{}",
            r.rank, r.actor.kind, r.actor.id, r.actor.label
        )?;
    }
    Ok(())
}

/// Why a hop is as specific as it is: the pair's NPMI and how often the
/// pair was seen, and whether the link states a relation.
fn specificity(hop: &Hop) -> String {
    let seen = hop.co_mentions;
    let npmi = match hop.npmi {
        Some(npmi) => {
            let times = format!(
                "{} co-mention{}",
                number(seen),
                if seen == 1.0 { "" } else { "s" }
            );
            let discount = if seen < hop.min_count {
                format!(", discounted below {}", number(hop.min_count))
            } else {
                String::new()
            };
            Some(format!("npmi {} over {times}{discount}", number3(npmi)))
        }
        None if seen > 0.0 => Some("no counts for an npmi".to_string()),
        None => None,
    };
    let why = match (hop.kind == EdgeKind::CoMention, npmi) {
        (true, Some(npmi)) => npmi,
        (true, None) => "no counts for an npmi".to_string(),
        (false, Some(npmi)) => format!("a stated relation, and {npmi}"),
        (false, None) => "a stated relation; the pair has no co-mention".to_string(),
    };
    format!("specificity {}: {why}", number3(hop.specificity))
}

/// A measure between −1 and 1, to three decimals.
fn number3(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn actor(a: &Actor) -> String {
    format!("{} ({})", a.label, a.kind)
}

/// `—meets→`, `←meets—` or `—co_mention—`, read from the hop's first actor.
fn arrow(kind: &str, direction: Direction) -> String {
    match direction {
        Direction::Forward => format!("—{kind}→"),
        Direction::Backward => format!("←{kind}—"),
        Direction::Undirected => format!("—{kind}—"),
    }
}

fn dates(first: Option<Date>, last: Option<Date>) -> Option<String> {
    match (first, last) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("since {a}")),
        (None, Some(b)) => Some(format!("until {b}")),
        (None, None) => None,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::query::explain::explain;
    use crate::query::path::{PathQuery, find_paths};

    #[test]
    fn every_hop_is_explained() {
        let g = sample();
        let q = PathQuery {
            from: 0,
            to: 2,
            k: 2,
            metric: Metric::Hops,
            ..PathQuery::default()
        };
        let answer = explain(
            &g,
            &q.filter,
            (0, 2, Metric::Hops),
            &find_paths(&g, &q).unwrap(),
        );
        let mut out = Vec::new();
        write_path(&answer, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let want = "\
Route 1 of 2: 1 hop, weight 0.5, cost 2 (by hops)
  Qasim al-Araji (person) —co_mention— Syria (place)
      weight 0.5, 1 document, 2024-12-01
      [d1] \"Rashid met al-Araji.\"

Route 2 of 2: 2 hops, weight 3, cost 1.5 (by hops)
  Qasim al-Araji (person) —co_mention— Abdul Latif Jamal Rashid (person)
      weight 2, 1 document, 2024-12-01; also ←supports— weight 1
      [d1] \"Rashid met al-Araji.\"
  Abdul Latif Jamal Rashid (person) —co_mention— Syria (place)
      weight 1, 1 document, 2024-12-01
      [d1] \"Rashid met al-Araji.\"
";
        assert_eq!(text, want);
    }

    #[test]
    fn dates_read_as_spans() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(dates(d("2024"), d("2025-01")).unwrap(), "2024 to 2025-01");
        assert_eq!(dates(d("2017-01-28"), None).unwrap(), "since 2017-01-28");
        assert_eq!(dates(None, None), None);
    }
}

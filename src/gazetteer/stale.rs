//! Facts that may have gone out of date: open-ended roles and affiliations
//! of entities nobody has checked lately (`gazetteer check --stale DAYS`).

use std::fmt;

use super::{Entity, Fact, FactOrigin, Gazetteer};
use crate::date::Date;

/// An open-ended role or affiliation whose entity was last checked before
/// the cut-off, or never.
#[derive(Debug, Clone, Copy)]
pub struct StaleFact<'g> {
    /// The entity that holds the role or affiliation.
    pub entity: &'g Entity,
    /// The role or affiliation.
    pub fact: &'g Fact,
}

impl fmt::Display for StaleFact<'_> {
    /// `people.toml:35: abdul-latif-jamal-rashid: President of iraq since
    /// 2022-10-13; checked 2025-01-10`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fact = self.fact;
        write!(f, "{}: {}: ", fact.location, self.entity.id)?;
        match &fact.title {
            Some(title) => write!(f, "{title} of {}", fact.target)?,
            None => write!(f, "{} {}", fact.kind, fact.target)?,
        }
        if let Some(from) = fact.from {
            write!(f, " since {from}")?;
        }
        match self.entity.checked {
            Some(checked) => write!(f, "; checked {checked}"),
            None => f.write_str("; never checked"),
        }
    }
}

/// What `gazetteer check --stale` reports.
#[derive(Debug, Clone)]
pub struct StaleReport<'g> {
    /// Entities checked before this day are stale.
    pub cutoff: Date,
    /// The stale facts, in load order.
    pub stale: Vec<StaleFact<'g>>,
    /// How many open-ended roles and affiliations there are in all.
    pub open: usize,
}

impl Gazetteer {
    /// The open-ended roles and affiliations (no `to`) of entities that
    /// still exist and whose `checked` date is more than `days` days before
    /// `today`, or missing. A `checked` date known only to the month or year
    /// counts from its first day. `today` is a parameter so that the answer
    /// does not depend on the clock.
    pub fn stale_facts(&self, today: Date, days: u32) -> StaleReport<'_> {
        let cutoff = Date::from_unix_days(today.unix_days() - i64::from(days))
            .unwrap_or_else(|| Date::new(0, 1, 1).expect("a valid date"));
        let mut open = 0;
        let mut stale = Vec::new();
        for entity in self.entities().iter().filter(|e| e.to.is_none()) {
            let is_stale = entity.checked.is_none_or(|c| c.first_day() < cutoff);
            for fact in &entity.facts {
                if fact.to.is_some() || fact.origin == FactOrigin::Containment {
                    continue;
                }
                open += 1;
                if is_stale {
                    stale.push(StaleFact { entity, fact });
                }
            }
        }
        StaleReport {
            cutoff,
            stale,
            open,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::date::Date;
    use crate::gazetteer::Gazetteer;

    const FILE: &str = r#"
checked = "2026-06"

[[entity]]
id = "iraq"
name = "Iraq"
type = "place"

[[entity]]
id = "pmf"
name = "Popular Mobilization Forces"
type = "group"
country = "iraq"

[[entity]]
id = "a"
name = "Abu A"
type = "person"
checked = "2026-11-20"
roles = [{ title = "Prime Minister", of = "iraq", from = "2022-10-27" }]

[[entity]]
id = "b"
name = "Abu B"
type = "person"
roles = [
  { title = "Chairman", of = "pmf", from = "2014" },
  { title = "Minister", of = "iraq", from = "2020", to = "2022" },
]
affiliations = [{ of = "pmf" }]

[[entity]]
id = "c"
name = "Abu C"
type = "person"
to = "2025"
checked = "2025-01-01"
roles = [{ title = "Emir", of = "pmf" }]
"#;

    fn report(today: &str, days: u32) -> (usize, Vec<String>, String) {
        let g = Gazetteer::from_toml_str("t.toml", FILE).unwrap();
        let r = g.stale_facts(today.parse::<Date>().unwrap(), days);
        let lines = r.stale.iter().map(ToString::to_string).collect();
        (r.open, lines, r.cutoff.to_string())
    }

    #[test]
    fn lists_open_facts_of_entities_not_checked_since_the_cutoff() {
        // b's file was checked in June, a on 2026-11-20; c has ended, a
        // closed term and where the group lies are not open-ended facts.
        let (open, lines, cutoff) = report("2026-11-30", 90);
        assert_eq!(open, 3);
        assert_eq!(cutoff, "2026-09-01");
        assert_eq!(
            lines,
            [
                "t.toml:27: b: Chairman of pmf since 2014; checked 2026-06",
                "t.toml:30: b: member_of pmf; checked 2026-06",
            ]
        );
        let (_, lines, cutoff) = report("2026-11-30", 5);
        assert_eq!(cutoff, "2026-11-25");
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "t.toml:20: a: Prime Minister of iraq since 2022-10-27; checked 2026-11-20"
        );
        let (_, lines, _) = report("2026-07-01", 30);
        assert!(lines.is_empty(), "{lines:?}");
        let (_, lines, _) = report("2026-07-01", 0);
        assert_eq!(lines.len(), 2, "a month counts from its first day");
    }

    #[test]
    fn an_entity_never_checked_is_always_stale() {
        let text = "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"group\"\n\
                    [[entity]]\nid = \"y\"\nname = \"Y\"\ntype = \"person\"\naffiliations = [{ of = \"x\" }]\n";
        let g = Gazetteer::from_toml_str("t.toml", text).unwrap();
        let r = g.stale_facts("2026-11-30".parse().unwrap(), 100_000_000);
        assert_eq!(r.cutoff.to_string(), "0000-01-01");
        assert_eq!(
            r.stale.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["t.toml:9: y: member_of x; never checked"]
        );
    }
}

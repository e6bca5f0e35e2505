//! `actorgraph gazetteer check`: validate and lint gazetteers, or list the
//! facts due for a check against the news (`--stale DAYS`).

use std::io::Write;
use std::process::ExitCode;

use actorgraph::date::Date;
use actorgraph::gazetteer::{EntityType, Gazetteer, Severity};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::CheckArgs;

pub fn check(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, &mut Reporter::new(true))?;
    if let Some(days) = args.stale {
        return stale(&gazetteer, days);
    }
    let mut out = stdout();
    for problem in gazetteer.problems() {
        writeln!(out, "{problem}")?;
    }
    let count = |t: EntityType| gazetteer.entities().iter().filter(|e| e.kind == t).count();
    let errors = gazetteer
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = gazetteer.problems().len() - errors;
    writeln!(
        out,
        "{} entities ({} people, {} groups, {} places), {} names; {errors} error(s), {warnings} warning(s)",
        gazetteer.entities().len(),
        count(EntityType::Person),
        count(EntityType::Group),
        count(EntityType::Place),
        gazetteer.name_count(),
    )?;
    finish_output(out)?;
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// One line per stale fact and a summary; always exit 0.
fn stale(gazetteer: &Gazetteer, days: u32) -> anyhow::Result<ExitCode> {
    let today = today();
    let report = gazetteer.stale_facts(today, days);
    let mut out = stdout();
    for fact in &report.stale {
        writeln!(out, "{fact}")?;
    }
    let entities: std::collections::BTreeSet<&str> =
        report.stale.iter().map(|f| f.entity.id.as_str()).collect();
    writeln!(
        out,
        "{} of {} open-ended roles and affiliations ({} entities) were not checked since {} ({days} days before {today})",
        report.stale.len(),
        report.open,
        entities.len(),
        report.cutoff,
    )?;
    finish_output(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Today in UTC, from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
        .unwrap_or_else(|| Date::new(1970, 1, 1).expect("a valid date"))
}

//! `actorgraph gazetteer check`: validate and lint gazetteers.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::gazetteer::{EntityType, Severity};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::GazetteerArgs;

pub fn check(args: &GazetteerArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(args, &mut Reporter::new(true))?;
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

//! `actorgraph gazetteer check`: validate and lint gazetteers, with
//! `--corpus` list the names that look generic on a sample of news, or list
//! the facts due for a check against the news (`--stale DAYS`); and
//! `actorgraph gazetteer compile`: compile gazetteers into the cache ahead of use.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Input, Item};
use actorgraph::date::Date;
use actorgraph::extract::{ExtractOptions, Extractor};
use actorgraph::gazetteer::{Cache, EntityType, Gazetteer, Severity};
use actorgraph::usage::UsageCounter;
use anyhow::Context;

use super::{Reporter, finish_output, gazetteer_sources, load_gazetteer, stdout};
use crate::cli::{CheckArgs, CompileArgs};

pub fn check(args: &CheckArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
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
    if !args.corpus.is_empty() {
        corpus_report(args, &gazetteer, reporter, &mut out)?;
    }
    finish_output(out)?;
    Ok(if errors > 0 || reporter.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Compiles the gazetteer into the cache and prints the file's path.
pub fn compile(args: &CompileArgs) -> anyhow::Result<ExitCode> {
    if args.gazetteer.no_cache {
        anyhow::bail!("compile writes the cache: --no-cache does not go with it");
    }
    let cache = match &args.cache_dir {
        Some(dir) => Cache::at(dir),
        None => Cache::from_env().ok_or_else(|| {
            anyhow::anyhow!(
                "no cache directory: set ACTORGRAPH_CACHE_DIR or HOME, or give --cache-dir"
            )
        })?,
    };
    let sources = gazetteer_sources(&args.gazetteer);
    let (gazetteer, path) = cache
        .compile(&sources)
        .context("cannot compile the gazetteer")?;
    let mut out = stdout();
    writeln!(
        out,
        "{}\t{} entities, {} names",
        path.display(),
        gazetteer.entities().len(),
        gazetteer.name_count()
    )?;
    finish_output(out)?;
    Ok(ExitCode::SUCCESS)
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

/// The names that look generic on the `--corpus` documents, as a table.
fn corpus_report(
    args: &CheckArgs,
    gazetteer: &Gazetteer,
    reporter: &mut Reporter,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let extractor = Extractor::new(
        gazetteer,
        ExtractOptions {
            demonyms: false,
            undated: None,
        },
    )?;
    let inputs: Vec<Input> = args.corpus.iter().map(|i| Input::parse(i)).collect();
    let mut counter = UsageCounter::new(&extractor);
    for item in Corpus::open(&inputs)? {
        match item {
            Item::Document(doc) => counter.add(&doc),
            Item::Warning(w) => reporter.warn(&w),
        }
    }
    let report = counter.finish();
    let generic = report.likely_generic(args.max_share, args.min_docs);
    writeln!(
        out,
        "\n{} name(s) look generic on {} document(s): matched in more than {:.1}% of them (share), \
         or written in lower case, as a word, in more documents than matched (word)",
        generic.len(),
        report.documents,
        args.max_share * 100.0,
    )?;
    if generic.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "docs\tshare\tmentions\tlower-case docs\twhy\tentity\tname"
    )?;
    for (name, why) in generic {
        let entity = gazetteer.entity(name.entity);
        writeln!(
            out,
            "{}\t{:.1}%\t{}\t{}\t{}\t{}\t{}",
            name.docs,
            100.0 * name.docs as f64 / report.documents.max(1) as f64,
            name.mentions,
            name.lower_case_docs
                .map_or_else(|| "-".to_string(), |n| n.to_string()),
            why.as_str(),
            entity.id,
            name.text.replace(['\n', '\t'], " "),
        )?;
    }
    Ok(())
}

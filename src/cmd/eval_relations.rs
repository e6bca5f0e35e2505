//! `actorgraph eval relations`: score typed relations against a gold file.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Document, Input, Item};
use actorgraph::eval::relations::{GoldSentence, Report, evaluate};
use actorgraph::extract::{ExtractOptions, Extractor};
use actorgraph::graph::build::{Analyzer, BuildOptions};
use actorgraph::relations::Relations;
use anyhow::{Context, bail};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::{EvalFormat, EvalRelationsArgs, ShowMistakes};

pub fn run(args: &EvalRelationsArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    for (flag, value) in [
        ("--min-precision", args.min_precision),
        ("--min-recall", args.min_recall),
    ] {
        if let Some(v) = value
            && !(0.0..=1.0).contains(&v)
        {
            bail!("{flag} is a fraction between 0 and 1, not {v}");
        }
    }
    let file = args.gold.display().to_string();
    let text =
        std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {file}"))?;
    let gold = parse_gold(&file, &text)?;
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let relations = match &args.relations {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Relations::from_toml_str(&path.display().to_string(), &text)?
        }
        None => Relations::builtin()?,
    };
    let options = BuildOptions::default();
    let analyzer = Analyzer::new(&gazetteer, &relations, &options)?;
    let extractor = Extractor::new(&gazetteer, ExtractOptions::default())?;
    let documents = if args.inputs.is_empty() {
        None
    } else {
        let inputs: Vec<Input> = args.inputs.iter().map(|i| Input::parse(i)).collect();
        let mut docs: Vec<Document> = Vec::new();
        for item in Corpus::open(&inputs)? {
            match item {
                Item::Document(d) => docs.push(d),
                Item::Warning(w) => reporter.warn(&w),
            }
        }
        Some(docs)
    };
    let report = evaluate(
        &gazetteer,
        &analyzer,
        &extractor,
        &gold,
        documents.as_deref(),
        &file,
    )?;
    let mut out = stdout();
    match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        EvalFormat::Text => write_text(&mut out, &report, &args.show)?,
    }
    finish_output(out)?;
    let all = report.all();
    let below = args.min_precision.is_some_and(|p| all.precision() < p)
        || args.min_recall.is_some_and(|r| all.recall() < r);
    if below {
        reporter.note(&format!(
            "below the threshold: precision {:.3}, recall {:.3}",
            all.precision(),
            all.recall()
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(reporter.exit_code())
}

fn parse_gold(file: &str, text: &str) -> anyhow::Result<Vec<(u32, GoldSentence)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldSentence = serde_json::from_str(line)
            .with_context(|| format!("{file}:{}: not an annotated sentence", i + 1))?;
        out.push((i as u32 + 1, record));
    }
    Ok(out)
}

fn write_text(out: &mut impl Write, report: &Report, show: &[ShowMistakes]) -> std::io::Result<()> {
    writeln!(out, "{} sentences", report.sentences)?;
    writeln!(
        out,
        "{:<14} {:>6} {:>8} {:>9} {:>6} {:>9} {:>8} {:>8}",
        "type", "found", "correct", "precision", "gold", "recalled", "recall", "unknown"
    )?;
    let mut rows: Vec<(&str, _)> = report
        .by_type
        .iter()
        .filter(|(k, _)| *k != "all")
        .map(|(k, s)| (k.as_str(), *s))
        .collect();
    rows.push(("all", report.all()));
    for (kind, s) in rows {
        writeln!(
            out,
            "{kind:<14} {:>6} {:>8} {:>9.3} {:>6} {:>9} {:>8.3} {:>8}",
            s.found,
            s.correct,
            s.precision(),
            s.gold,
            s.recalled,
            s.recall(),
            s.unknown_actor
        )?;
    }
    let all = report.all();
    writeln!(
        out,
        "recall over every annotated relation (unknown actors included): {:.3}",
        all.recall_all()
    )?;
    let (cross, cross_found) = report.cross_sentence;
    writeln!(
        out,
        "cross-sentence relations (not scored): {cross}, found {cross_found}"
    )?;
    writeln!(out, "\nconfusion (found type: gold type on the same pair)")?;
    for (found, golds) in &report.confusion {
        let cells: Vec<String> = golds.iter().map(|(g, n)| format!("{g} {n}")).collect();
        writeln!(out, "  {found:<13} {}", cells.join(", "))?;
    }
    let wanted = |what: &str| {
        show.iter().any(|s| match s {
            ShowMistakes::Wrong => what == "wrong",
            ShowMistakes::Missed => what == "missed",
            ShowMistakes::Unknown => what == "unknown",
            ShowMistakes::None => false,
        })
    };
    for what in ["wrong", "missed", "unknown"] {
        if !wanted(what) {
            continue;
        }
        let list: Vec<_> = report.mistakes.iter().filter(|m| m.what == what).collect();
        writeln!(out, "\n{what} ({}):", list.len())?;
        for m in list {
            let by = if m.by.is_empty() {
                String::new()
            } else {
                format!("  [{}]", m.by)
            };
            writeln!(out, "  {}: {}{by}\n      {}", m.id, m.relation, m.text)?;
        }
    }
    Ok(())
}

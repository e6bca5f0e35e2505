//! `actorgraph eval mentions`: score extraction against a gold file and print
//! the table and the lists.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Input, Item};
use actorgraph::eval::mentions::{GoldDocument, MentionEval, MentionReport, Miss};
use actorgraph::eval::{Split, load_gold};
use actorgraph::extract::{ExtractOptions, Extractor};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::{EvalFormat, EvalMentionsArgs};

pub fn mentions(args: &EvalMentionsArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let mut gold: Vec<(u32, GoldDocument)> = load_gold(&args.gold)?;
    let split = args.split.map(Split::from);
    if let Some(split) = split {
        gold.retain(|(_, g)| split.holds(g.split.as_deref()));
    }
    let extractor = Extractor::new(&gazetteer, ExtractOptions { demonyms: true })?;
    let mut eval = MentionEval::new(&extractor, gold, args.demonyms)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.gold.display()))?;
    let inputs: Vec<Input> = args.inputs.iter().map(|i| Input::parse(i)).collect();
    for item in Corpus::open(&inputs)? {
        match item {
            Item::Document(doc) => eval.add(&doc),
            Item::Warning(w) => reporter.warn(&w),
        }
    }
    let report = eval.finish();
    let mut out = stdout();
    match args.format {
        EvalFormat::Json => {
            let mut value = serde_json::to_value(&report)?;
            value["split"] = split.map_or(serde_json::Value::Null, |s| s.as_str().into());
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
        EvalFormat::Text => write_text(&mut out, &report, split)?,
    }
    finish_output(out)?;
    Ok(reporter.exit_code())
}

fn write_text(
    out: &mut impl Write,
    report: &MentionReport,
    split: Option<Split>,
) -> std::io::Result<()> {
    let total = report.table.total();
    writeln!(
        out,
        "{} document(s){}: {} gold actor(s) ({} optional, not scored), {} extracted entit{}",
        report.documents,
        split.map_or(String::new(), |s| format!(" of split {}", s.as_str())),
        total.gold,
        report.optional,
        total.produced,
        if total.produced == 1 { "y" } else { "ies" },
    )?;
    if !report.missing_documents.is_empty() {
        writeln!(
            out,
            "{} gold document(s) not in the input, not scored: {}",
            report.missing_documents.len(),
            report.missing_documents.join(", ")
        )?;
    }
    writeln!(out)?;
    report.table.write_text(out, "extracted")?;
    write_misses(out, "missed, unknown to the gazetteer", &report.unknown)?;
    write_misses(out, "missed, known but not found", &report.not_found)?;
    writeln!(out, "\nfalse matches ({}):", report.false_matches.len())?;
    for f in &report.false_matches {
        writeln!(
            out,
            "  {}\t{}\t{} ({})\t{:?}\tin: {}",
            f.doc, f.kind, f.entity, f.name, f.text, f.sentence
        )?;
    }
    if !report.problems.is_empty() {
        writeln!(
            out,
            "\nproblems with the gold file ({}):",
            report.problems.len()
        )?;
        for p in &report.problems {
            writeln!(out, "  {p}")?;
        }
    }
    Ok(())
}

fn write_misses(out: &mut impl Write, title: &str, misses: &[Miss]) -> std::io::Result<()> {
    writeln!(out, "\n{title} ({}):", misses.len())?;
    for m in misses {
        write!(
            out,
            "  {}\t{}\t{}\tforms: {}",
            m.doc,
            m.kind,
            m.name,
            m.forms.join(" | ")
        )?;
        if let Some(entity) = &m.entity {
            write!(out, "\tis: {entity}")?;
        }
        if !m.found_instead.is_empty() {
            write!(out, "\tfound instead: {}", m.found_instead.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

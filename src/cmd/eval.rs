//! `actorgraph eval mentions` and `eval relations`: score extraction and
//! typed relations against gold files and print the tables and the lists.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Document, Input, Item};
use actorgraph::eval::mentions::{GoldDocument, MentionEval, MentionReport, Miss};
use actorgraph::eval::relations::{GoldSentence, Report as RelationReport, evaluate};
use actorgraph::eval::{Split, load_gold};
use actorgraph::extract::{ExtractOptions, Extractor};
use actorgraph::graph::build::{Analyzer, BuildOptions};
use actorgraph::relations::Relations;
use anyhow::{Context, bail};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::{EvalFormat, EvalMentionsArgs, EvalRelationsArgs, ShowMistakes};

pub fn mentions(args: &EvalMentionsArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let mut gold: Vec<(u32, GoldDocument)> = load_gold(&args.gold)?;
    let split = args.split.map(Split::from);
    if let Some(split) = split {
        gold.retain(|(_, g)| split.holds(g.split.as_deref()));
    }
    let extractor = Extractor::new(
        &gazetteer,
        ExtractOptions {
            demonyms: true,
            undated: None,
        },
    )?;
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

pub fn relations(args: &EvalRelationsArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
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
    let mut gold: Vec<(u32, GoldSentence)> = load_gold(&args.gold)?;
    if let Some(split) = args.split.map(Split::from) {
        gold.retain(|(_, g)| split.holds(g.split.as_deref()));
    }
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
        EvalFormat::Text => write_relations_text(&mut out, &report, &args.show)?,
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

fn write_relations_text(
    out: &mut impl Write,
    report: &RelationReport,
    show: &[ShowMistakes],
) -> std::io::Result<()> {
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
            ShowMistakes::Rules | ShowMistakes::None => false,
        })
    };
    if show.contains(&ShowMistakes::Rules) {
        let mut rules: Vec<_> = report.by_rule.iter().collect();
        rules.sort_by(|a, b| {
            a.1.precision()
                .total_cmp(&b.1.precision())
                .then(b.1.found.cmp(&a.1.found))
                .then(a.0.cmp(b.0))
        });
        writeln!(out, "\nby rule (worst precision first)")?;
        writeln!(
            out,
            "  {:<32} {:>6} {:>8} {:>9}",
            "rule", "found", "correct", "precision"
        )?;
        for (rule, s) in rules {
            writeln!(
                out,
                "  {rule:<32} {:>6} {:>8} {:>9.3}",
                s.found,
                s.correct,
                s.precision()
            )?;
        }
    }
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

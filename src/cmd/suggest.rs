//! `actorgraph suggest`: read the corpus, print the suggestions as a table,
//! JSON or gazetteer stubs.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Input, Item};
use actorgraph::extract::{ExtractOptions, Extractor};
use actorgraph::suggest::{SuggestOptions, Suggester, Suggestion, Suggestions, write_toml};

use super::{Reporter, finish_output, load_gazetteer, stdout};
use crate::cli::{SuggestArgs, SuggestFormat};

pub fn run(args: &SuggestArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let extractor = Extractor::new(
        &gazetteer,
        ExtractOptions {
            demonyms: true,
            undated: None,
        },
    )?;
    let inputs: Vec<Input> = args.inputs.iter().map(|i| Input::parse(i)).collect();
    let mut suggester = Suggester::new(&extractor);
    for item in Corpus::open(&inputs)? {
        match item {
            Item::Document(doc) => suggester.add(&doc),
            Item::Warning(w) => reporter.warn(&w),
        }
    }
    let options = SuggestOptions {
        min_docs: args.min_docs,
        limit: args.limit,
    };
    let suggestions = suggester.finish(&options);
    let mut out = stdout();
    let format = if args.toml {
        SuggestFormat::Toml
    } else {
        args.format
    };
    match format {
        SuggestFormat::Table => write_table(&mut out, &suggestions)?,
        SuggestFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &suggestions)?;
            writeln!(out)?;
        }
        SuggestFormat::Toml => write_toml(&mut out, &suggestions)?,
    }
    finish_output(out)?;
    // Freeing the gazetteer and the tallies one allocation at a time would
    // only delay the exit.
    std::mem::forget(extractor);
    std::mem::forget(gazetteer);
    Ok(reporter.exit_code())
}

/// Names wider than this are cut in the table.
const NAME_WIDTH: usize = 50;

fn write_table(out: &mut impl Write, s: &Suggestions) -> std::io::Result<()> {
    writeln!(
        out,
        "{} new name(s) in {} document(s), most documents first:\n",
        s.new.len(),
        s.documents
    )?;
    let width = s
        .new
        .iter()
        .chain(&s.aliases)
        .map(|x| label(x).chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, NAME_WIDTH);
    writeln!(
        out,
        "{:<width$}  {:<6} {:>5} {:>8}  example",
        "name", "type", "docs", "mentions"
    )?;
    for x in &s.new {
        row(out, x, width, None)?;
    }
    if !s.aliases.is_empty() {
        writeln!(
            out,
            "\n{} probable alias(es) of known entities:\n",
            s.aliases.len()
        )?;
        writeln!(
            out,
            "{:<width$}  {:<6} {:>5} {:>8}  alias of",
            "name", "type", "docs", "mentions"
        )?;
        for x in &s.aliases {
            let alias = x
                .alias_of
                .as_ref()
                .map(|a| format!("{} ({}): {}", a.id, a.name, a.reason.describe()));
            row(out, x, width, alias)?;
        }
    }
    Ok(())
}

fn label(x: &Suggestion) -> String {
    match &x.acronym {
        Some(a) => format!("{} ({a})", x.name),
        None => x.name.clone(),
    }
}

fn row(
    out: &mut impl Write,
    x: &Suggestion,
    width: usize,
    last: Option<String>,
) -> std::io::Result<()> {
    let label = cut(&label(x), width);
    let kind = x.kind.map_or("?", |k| k.as_str());
    let last =
        last.unwrap_or_else(|| format!("{}: {}", x.example.doc, cut(&x.example.sentence, 100)));
    writeln!(
        out,
        "{label:<width$}  {kind:<6} {:>5} {:>8}  {last}",
        x.docs, x.mentions
    )
}

/// At most `n` characters, with "…" where cut.
fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n.saturating_sub(1)) {
        Some((i, _)) if s.chars().count() > n => format!("{}…", &s[..i]),
        _ => s.to_string(),
    }
}

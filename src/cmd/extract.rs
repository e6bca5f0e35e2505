//! `actorgraph extract`: one line per mention.

use std::io::Write;
use std::process::ExitCode;

use actorgraph::corpus::Item;
use actorgraph::extract::{ExtractOptions, Extractor, MentionRecord};
use anyhow::Context;

use super::{Reporter, finish_output, load_gazetteer, open_corpus, stdout};
use crate::cli::{ExtractArgs, MentionFormat};

pub fn run(args: &ExtractArgs, reporter: &mut Reporter) -> anyhow::Result<ExitCode> {
    let gazetteer = load_gazetteer(&args.gazetteer, reporter)?;
    let options = ExtractOptions {
        demonyms: !args.input.no_demonyms,
        undated: args.input.undated_as,
    };
    let extractor = Extractor::new(&gazetteer, options)?;
    let corpus = open_corpus(&args.input, reporter)?;
    let mut out = stdout();
    if args.format == MentionFormat::Tsv {
        writeln!(
            out,
            "doc\tentity\tname\ttype\tkind\ttext\tstart\tend\tsentence\tparagraph\tvia"
        )?;
    }
    // One line is written whole: serde_json writes a record in many small
    // pieces, each cheap into a vector and dearer through the output's layers.
    let mut line = Vec::with_capacity(512);
    for item in corpus {
        let doc = match item {
            Item::Document(doc) => doc,
            Item::Warning(w) => {
                reporter.warn(&w);
                continue;
            }
        };
        for mention in extractor.extract(&doc).mentions {
            let record = extractor.record(&doc, &mention);
            match args.format {
                MentionFormat::Jsonl => {
                    line.clear();
                    serde_json::to_writer(&mut line, &record)?;
                    line.push(b'\n');
                    out.write_all(&line)
                }
                MentionFormat::Tsv => write_tsv(&mut out, &record),
            }
            .context("cannot write to standard output")?;
        }
    }
    finish_output(out)?;
    Ok(reporter.exit_code())
}

fn write_tsv(out: &mut impl Write, r: &MentionRecord) -> std::io::Result<()> {
    writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        escape(r.doc),
        r.entity,
        escape(r.name),
        r.kind_of_entity,
        r.kind,
        escape(r.text),
        r.start,
        r.end,
        r.sentence,
        r.paragraph,
        r.via
            .as_ref()
            .map(|v| escape(&v.summary()).into_owned())
            .unwrap_or_default()
    )
}

fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\t', '\n', '\r', '\\']) {
        return s.into();
    }
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
        .into()
}

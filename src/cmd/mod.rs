//! Runs the subcommands: turns parsed options into library calls, and owns what
//! only a command-line program does (stdout, warnings on stderr, exit codes).

mod build;
mod eval;
mod export;
mod extract;
mod gazetteer;
mod query;
mod stats;
mod suggest;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use actorgraph::corpus::Warning;
use actorgraph::gazetteer::{Gazetteer, Severity, Source};
use anyhow::Context;

use crate::cli::{Cli, Command, EvalCommand, GazetteerArgs, GazetteerCommand};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut reporter = Reporter::new(cli.quiet);
    let code = match cli.command {
        Command::Build(args) => build::run(&args, &mut reporter)?,
        Command::Stats(args) => stats::run(&args)?,
        Command::Extract(args) => extract::run(&args, &mut reporter)?,
        Command::Path(args) => query::path(&args, &mut reporter)?,
        Command::Neighbors(args) => query::neighbors(&args, &mut reporter)?,
        Command::Top(args) => query::top(&args)?,
        Command::Export(args) => export::run(&args, &mut reporter)?,
        Command::Suggest(args) => suggest::run(&args, &mut reporter)?,
        Command::Gazetteer {
            command: GazetteerCommand::Check(args),
        } => gazetteer::check(&args, &mut reporter)?,
        Command::Eval {
            command: EvalCommand::Mentions(args),
        } => eval::mentions(&args, &mut reporter)?,
    };
    Ok(code)
}

/// True when the error is a closed pipe on stdout (`actorgraph … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let kind = match (
            e.downcast_ref::<io::Error>(),
            e.downcast_ref::<serde_json::Error>(),
        ) {
            (Some(io), _) => Some(io.kind()),
            (None, Some(json)) => json.io_error_kind(),
            (None, None) => None,
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Standard output, buffered once for the whole run.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Flushes and reports a closed pipe as such.
pub fn finish_output(mut out: impl Write) -> anyhow::Result<()> {
    out.flush().context("cannot write to standard output")
}

/// Loads the gazetteers named by `-g`, or the bundled one. Errors in the
/// gazetteer's meaning do not stop a run, but are pointed out once.
pub fn load_gazetteer(args: &GazetteerArgs, reporter: &mut Reporter) -> anyhow::Result<Gazetteer> {
    let sources: Vec<Source> = if args.gazetteer.is_empty() {
        vec![Source::Builtin]
    } else {
        args.gazetteer.iter().map(|g| Source::parse(g)).collect()
    };
    let gazetteer = Gazetteer::load(&sources).context("cannot load the gazetteer")?;
    let errors = gazetteer
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        reporter.note(&format!(
            "the gazetteer has {errors} error(s); `actorgraph gazetteer check{}` lists them",
            args.gazetteer
                .iter()
                .map(|g| format!(" -g {g}"))
                .collect::<String>()
        ));
    }
    Ok(gazetteer)
}

/// Prints warnings to stderr and remembers whether any input was lost.
pub struct Reporter {
    quiet: bool,
    pub warnings: usize,
    pub skipped: usize,
}

impl Reporter {
    pub fn new(quiet: bool) -> Reporter {
        Reporter {
            quiet,
            warnings: 0,
            skipped: 0,
        }
    }

    pub fn warn(&mut self, warning: &Warning) {
        self.warnings += 1;
        if warning.skipped {
            self.skipped += 1;
        }
        if !self.quiet {
            eprintln!(
                "actorgraph: warning: {}: {}",
                warning.location, warning.message
            );
        }
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn note(&mut self, message: &str) {
        if !self.quiet {
            eprintln!("actorgraph: {message}");
        }
    }

    /// 0, or 2 when input was skipped along the way.
    pub fn exit_code(&self) -> ExitCode {
        if self.skipped > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }
}

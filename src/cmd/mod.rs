//! Runs the subcommands: turns parsed options into library calls, and owns what
//! only a command-line program does (stdout, warnings on stderr, exit codes).

mod build;
mod eval;
mod export;
mod extract;
mod gazetteer;
mod merge;
mod query;
mod stats;
mod suggest;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use actorgraph::corpus::{Corpus, Input, Warning};
use actorgraph::gazetteer::{Cache, CacheUse, Gazetteer, Severity, Source};
use actorgraph::terminal::{ControlEscaper, escape_controls};
use anyhow::Context;

use crate::cli::{Cli, Command, EvalCommand, GazetteerArgs, GazetteerCommand, InputArgs};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut reporter = Reporter::new(cli.quiet);
    let code = match cli.command {
        Command::Build(args) => build::run(&args, &mut reporter)?,
        Command::Merge(args) => merge::run(&args, &mut reporter)?,
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
        Command::Gazetteer {
            command: GazetteerCommand::Compile(args),
        } => gazetteer::compile(&args)?,
        Command::Eval {
            command: EvalCommand::Mentions(args),
        } => eval::mentions(&args, &mut reporter)?,
        Command::Eval {
            command: EvalCommand::Relations(args),
        } => eval::relations(&args, &mut reporter)?,
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

/// Standard output, buffered once for the whole run; on a terminal, control
/// characters in what is written are shown escaped (a crafted label must not
/// drive the terminal), while a pipe or a file gets the bytes as they are.
pub fn stdout() -> Stdout {
    let escape = io::stdout().is_terminal();
    let out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if escape {
        Stdout::Terminal(ControlEscaper::new(out))
    } else {
        Stdout::Pipe(out)
    }
}

/// Standard output as [`stdout`] gives it.
pub enum Stdout {
    Terminal(ControlEscaper<BufWriter<io::StdoutLock<'static>>>),
    Pipe(BufWriter<io::StdoutLock<'static>>),
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stdout::Terminal(out) => out.write(buf),
            Stdout::Pipe(out) => out.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Stdout::Terminal(out) => out.write_all(buf),
            Stdout::Pipe(out) => out.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stdout::Terminal(out) => out.flush(),
            Stdout::Pipe(out) => out.flush(),
        }
    }
}

/// A message for standard error, with control characters escaped when it is
/// a terminal.
pub fn for_stderr(message: &str) -> std::borrow::Cow<'_, str> {
    if io::stderr().is_terminal() {
        escape_controls(message)
    } else {
        message.into()
    }
}

/// Flushes and reports a closed pipe as such.
pub fn finish_output(mut out: impl Write) -> anyhow::Result<()> {
    out.flush().context("cannot write to standard output")
}

/// Loads the gazetteers named by `-g`, or the bundled one. Errors in the
/// gazetteer's meaning do not stop a run, but are pointed out once.
pub fn load_gazetteer(args: &GazetteerArgs, reporter: &mut Reporter) -> anyhow::Result<Gazetteer> {
    let sources = gazetteer_sources(args);
    let cache = (!args.no_cache).then(Cache::from_env).flatten();
    let gazetteer = match cache {
        None => Gazetteer::load(&sources).context("cannot load the gazetteer")?,
        Some(cache) => {
            let (gazetteer, used) = cache.load(&sources).context("cannot load the gazetteer")?;
            match used {
                CacheUse::Hit(_) | CacheUse::Written(_) => {}
                CacheUse::Rebuilt(path, why) => reporter.note(&format!(
                    "the compiled gazetteer {} was damaged ({why}); compiled it again",
                    path.display()
                )),
                CacheUse::NotWritten(path, why) => reporter.note(&format!(
                    "cannot keep the compiled gazetteer in {} ({why}); --no-cache skips it",
                    path.display()
                )),
            }
            gazetteer
        }
    };
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

/// The sources named by `-g`, or the bundled gazetteer.
pub fn gazetteer_sources(args: &GazetteerArgs) -> Vec<Source> {
    if args.gazetteer.is_empty() {
        vec![Source::Builtin]
    } else {
        args.gazetteer.iter().map(|g| Source::parse(g)).collect()
    }
}

/// Opens the inputs of `extract` and `build`. Reading standard input from a
/// terminal says so, so that a run with no input named does not seem to hang.
pub fn open_corpus(input: &InputArgs, reporter: &mut Reporter) -> anyhow::Result<Corpus> {
    let inputs: Vec<Input> = input.inputs.iter().map(|i| Input::parse(i)).collect();
    if inputs.contains(&Input::Stdin) && io::stdin().is_terminal() {
        reporter.note(
            "reading documents from standard input (end with Ctrl-D); name files or directories to read them instead",
        );
    }
    Ok(Corpus::open(&inputs)?)
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
            let line = format!("{}: {}", warning.location, warning.message);
            eprintln!("actorgraph: warning: {}", for_stderr(&line));
        }
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn note(&mut self, message: &str) {
        if !self.quiet {
            eprintln!("actorgraph: {}", for_stderr(message));
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

//! The `actorgraph` binary: parses the command line, runs the command, prints
//! the error, and returns the exit code (0 ok, 1 nothing found, 2 error).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: a build allocates and frees millions of small strings and maps
/// per second on every core, where glibc's malloc spent a fifth of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) if cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("actorgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

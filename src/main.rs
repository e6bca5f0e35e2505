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

/// mimalloc's `mi_option_purge_delay`: its place in `enum mi_option_e` of the
/// mimalloc.h (v3) that libmimalloc-sys 0.1.49 builds, which Cargo.toml pins
/// (the crate names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory in the process instead of handing it back to the OS a
/// second later. A build frees and allocates batches all along; every page
/// handed back was faulted in and zeroed again (2 MB at a time with
/// transparent huge pages), a tenth of a news build's CPU time. Peak
/// memory grows by 15 to 25 MB.
fn keep_freed_memory() {
    // SAFETY: mi_option_set only stores a number in mimalloc's option table,
    // which mimalloc reads when it next considers purging; it has no
    // precondition and may be called at any time from any thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// On SIGINT, SIGTERM and SIGHUP, removes the temporary files of outputs
/// being written, then dies of the signal as it would have: an interrupted
/// run leaves the old files, and nothing beside them.
fn clean_up_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            actorgraph::export::remove_temporaries();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
}

fn main() -> ExitCode {
    keep_freed_memory();
    clean_up_on_signals();
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) if cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}");
            eprintln!("actorgraph: error: {}", cmd::for_stderr(&message));
            ExitCode::from(2)
        }
    }
}

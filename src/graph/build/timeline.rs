//! A timeline of a build for finding what runs on one core while the other
//! waits: with `ACTORGRAPH_TIMELINE` set (to anything but empty or `0`),
//! every span prints, when it ends, its name, its thread and when it began
//! and ended in seconds since the timeline started, to stderr; on Linux also
//! the time its thread ran and the time it waited, ready, for a core
//! (`/proc/thread-self/schedstat`), which tells a busy machine from a thread
//! that waits for work. Unset, a span costs one look at a `OnceLock`.

use std::sync::OnceLock;
use std::time::Instant;

/// When the timeline started, if it is on.
static START: OnceLock<Option<Instant>> = OnceLock::new();

fn start() -> Option<Instant> {
    *START.get_or_init(|| {
        std::env::var_os("ACTORGRAPH_TIMELINE")
            .filter(|v| !v.is_empty() && v != "0")
            .map(|_| Instant::now())
    })
}

/// Starts the clock (when the timeline is on): call as early as possible.
pub fn begin() {
    start();
}

thread_local! {
    /// The span of this thread's whole life, for threads started elsewhere
    /// (a pool's workers): see [`thread_started`].
    static LIFE: std::cell::RefCell<Option<Span>> = const { std::cell::RefCell::new(None) };
}

/// Opens a span for the rest of this thread's life, closed by
/// [`thread_ended`]: what a worker ran, waited for a core, and idled
/// (the rest) over the whole build.
pub fn thread_started() {
    if start().is_some() {
        LIFE.with(|life| *life.borrow_mut() = Some(span("thread's life")));
    }
}

/// Closes the span [`thread_started`] opened.
pub fn thread_ended() {
    LIFE.with(|life| drop(life.borrow_mut().take()));
}

/// A named stretch of work, printed when it is dropped.
pub struct Span {
    name: &'static str,
    began: Option<Instant>,
    sched: Option<(u64, u64)>,
}

/// Opens a span.
pub fn span(name: &'static str) -> Span {
    let began = start().map(|_| Instant::now());
    Span {
        name,
        began,
        sched: began.and_then(|_| schedstat()),
    }
}

/// Nanoseconds this thread has run and waited ready to run (Linux).
fn schedstat() -> Option<(u64, u64)> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().ok());
    Some((fields.next()??, fields.next()??))
}

impl Drop for Span {
    fn drop(&mut self) {
        if let (Some(began), Some(zero)) = (self.began, start()) {
            let end = Instant::now();
            let thread = std::thread::current();
            let sched = match (self.sched, schedstat()) {
                (Some((ran0, waited0)), Some((ran, waited))) => format!(
                    " ran {:.3} s, waited for a core {:.3} s",
                    ran.saturating_sub(ran0) as f64 / 1e9,
                    waited.saturating_sub(waited0) as f64 / 1e9
                ),
                _ => String::new(),
            };
            eprintln!(
                "timeline: {:<20} {:<10} {:7.3} {:7.3} ({:.3} s){sched}",
                self.name,
                thread.name().unwrap_or("?"),
                began.duration_since(zero).as_secs_f64(),
                end.duration_since(zero).as_secs_f64(),
                end.duration_since(began).as_secs_f64(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_measures_without_panicking_whether_on_or_off() {
        begin();
        let s = span("test");
        assert_eq!(s.began.is_some(), start().is_some());
        drop(s);
    }
}

//! The build over a whole corpus, in three stages that overlap: one thread
//! reads documents in batches (from before the gazetteer is loaded), the
//! worker pool analyzes a batch, and the calling thread merges the batch
//! before it in corpus order. Memory holds at most eight batches of text:
//! one being read, four queued, one being analyzed, one queued for the
//! merge and one being merged.

use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::JoinHandle;

use rayon::prelude::*;

use super::timeline::span;
use super::{Analyzer, DocumentGraph, GraphBuilder};
use crate::corpus::{Corpus, Item, Warning};

/// A batch closes at this many bytes of text or this many documents.
const BATCH_BYTES: usize = 4 << 20;
const BATCH_DOCS: usize = 2048;

/// What the pipeline reports as it goes.
pub trait Progress {
    /// A problem with an input (the run goes on).
    fn warning(&mut self, warning: &Warning);
    /// A batch was merged: documents and bytes read so far.
    fn merged(&mut self, documents: u64, bytes: u64);
}

/// How many worker threads a request for `requested` starts: all cores for 0,
/// and never more than the cores, since a thread beyond them only costs
/// memory and switching.
pub fn worker_threads(requested: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if requested == 0 {
        cores
    } else {
        requested.min(cores)
    }
}

/// Batches read ahead of the analysis: they fill while the gazetteer
/// loads (the reader needs no gazetteer), and they let the reader run
/// ahead of a slow batch later. About 16 MB of text at most.
const READ_AHEAD: usize = 4;

/// A corpus being read into batches on a thread of its own, started before
/// the analysis can start (see [`Reading::start`]).
pub struct Reading {
    batches: Receiver<Batch>,
    thread: JoinHandle<()>,
}

impl Reading {
    /// Starts reading `corpus`. Dropped unused, the reader stops at its
    /// next batch.
    pub fn start(corpus: Corpus) -> crate::Result<Reading> {
        let (send, batches) = sync_channel::<Batch>(READ_AHEAD);
        let thread = std::thread::Builder::new()
            .name("reader".into())
            .spawn(move || {
                let _life = span("thread's life");
                read_batches(corpus, |batch| send.send(batch).is_ok())
            })
            .map_err(|e| crate::Error::Invalid(format!("cannot start the reader thread: {e}")))?;
        Ok(Reading { batches, thread })
    }
}

/// Runs the corpus through `analyzer` on `threads` workers (0: all cores;
/// bounded by [`worker_threads`], and by the number of documents of a corpus
/// that fits in one batch) into `builder`. The graph does not depend on the
/// number of threads: documents are analyzed in any order but merged in
/// corpus order.
pub fn build_corpus(
    corpus: Corpus,
    analyzer: &Analyzer,
    builder: &mut GraphBuilder,
    threads: usize,
    progress: &mut dyn Progress,
) -> crate::Result<()> {
    build_read(
        Reading::start(corpus)?,
        analyzer,
        builder,
        threads,
        progress,
    )
}

/// [`build_corpus`] of a corpus whose reading started before.
pub fn build_read(
    reading: Reading,
    analyzer: &Analyzer,
    builder: &mut GraphBuilder,
    threads: usize,
    progress: &mut dyn Progress,
) -> crate::Result<()> {
    let Reading {
        batches: receive_read,
        thread: reader,
    } = reading;
    let (send_analyzed, receive_analyzed) =
        sync_channel::<(Vec<Item>, Vec<Option<DocumentGraph>>)>(1);
    let built = std::thread::scope(|scope| -> crate::Result<()> {
        let workers = std::thread::Builder::new()
            .name("analyzer".into())
            .spawn_scoped(scope, move || -> crate::Result<()> {
                let mut pool = None;
                for Batch { items: batch, last } in receive_read {
                    let pool = match &mut pool {
                        Some(pool) => pool,
                        None => {
                            let documents = batch.len().max(1);
                            let threads = worker_threads(threads);
                            let threads = if last {
                                threads.min(documents)
                            } else {
                                threads
                            };
                            pool.insert(
                                rayon::ThreadPoolBuilder::new()
                                    .num_threads(threads)
                                    .thread_name(|i| format!("worker-{i}"))
                                    .start_handler(|_| super::timeline::thread_started())
                                    .exit_handler(|_| super::timeline::thread_ended())
                                    .build()
                                    .map_err(|e| {
                                        crate::Error::Invalid(format!(
                                            "cannot start worker threads: {e}"
                                        ))
                                    })?,
                            )
                        }
                    };
                    let analyzing = span("analyze batch");
                    // One slot per item, filled in place (a filtered
                    // parallel iterator would collect into pieces and
                    // copy them together).
                    let graphs: Vec<Option<DocumentGraph>> = pool.install(|| {
                        batch
                            .par_iter()
                            .map(|item| match item {
                                Item::Document(d) => Some(analyzer.analyze(d)),
                                Item::Warning(_) => None,
                            })
                            .collect()
                    });
                    drop(analyzing);
                    if send_analyzed.send((batch, graphs)).is_err() {
                        return Ok(());
                    }
                }
                Ok(())
            })
            .map_err(|e| crate::Error::Invalid(format!("cannot start worker threads: {e}")))?;
        let (mut documents, mut bytes) = (0u64, 0u64);
        for (batch, graphs) in receive_analyzed {
            let _merging = span("merge batch");
            for (item, graph) in batch.iter().zip(graphs) {
                match (item, graph) {
                    (Item::Document(doc), Some(graph)) => {
                        documents += 1;
                        bytes += doc.text.len() as u64;
                        builder.add(doc, graph);
                    }
                    (Item::Warning(w), _) => progress.warning(w),
                    (Item::Document(_), None) => {}
                }
            }
            progress.merged(documents, bytes);
        }
        workers
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    });
    // The receiver is gone with the analyzer thread: the reader has
    // finished or stops at its next batch.
    reader
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p));
    built
}

/// Items read together, and whether the corpus ends with them.
struct Batch {
    items: Vec<Item>,
    last: bool,
}

/// Reads the corpus into batches; stops early when `send` returns false.
fn read_batches(corpus: Corpus, mut send: impl FnMut(Batch) -> bool) {
    let mut corpus = corpus.peekable();
    let mut items = Vec::with_capacity(BATCH_DOCS);
    let mut bytes = 0;
    let mut reading = span("read batch");
    while let Some(item) = corpus.next() {
        if let Item::Document(d) = &item {
            bytes += d.text.len();
        }
        items.push(item);
        if bytes >= BATCH_BYTES || items.len() >= BATCH_DOCS {
            let last = corpus.peek().is_none();
            drop(reading);
            if !send(Batch {
                items: std::mem::replace(&mut items, Vec::with_capacity(BATCH_DOCS)),
                last,
            }) || last
            {
                return;
            }
            reading = span("read batch");
            bytes = 0;
        }
    }
    drop(reading);
    if !items.is_empty() {
        send(Batch { items, last: true });
    }
}

//! Batch mode on all cores (`--jobs`): one thread frames the input into
//! chunks of lines, workers read and compute them, and their results are
//! taken in input order. At most a few chunks are held at a time, so
//! memory stays bounded however long the input.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{mpsc, Arc, Mutex};

use anyhow::Context as _;
use slacalc::batch::{read_chunks, Chunk, Tickets};
use slacalc::ticket::FieldMap;

use super::batch::{
    emit, format_of, open, stopped, Batch, BatchFailed, ErrorPlacement, Lines, Source,
};

/// About this many bytes of input go to a worker at a time.
const CHUNK_BYTES: usize = 1 << 17;

/// What a worker made of one chunk's output lines.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    /// Errors that go to stderr (CSV output), in order.
    stderr: Vec<String>,
    total: u64,
    failed: u64,
}

/// [`super::batch::run`] on `jobs` workers. CSV output (errors on stderr)
/// is one table: each chunk is written as its own, header first, and the
/// header is kept once, where the first row is.
pub fn run<F: Lines>(batch: &Batch<F>, out: &mut dyn Write) -> anyhow::Result<()> {
    let (source, errors, jobs, make) = (&batch.source, batch.errors, batch.jobs, batch.make);
    let table = errors == ErrorPlacement::Stderr;
    let (mut total, mut failed, mut header_written) = (0, 0, false);
    in_chunks(
        source,
        jobs,
        &|| {
            let mut each = make();
            move |chunk: &Chunk, map: &FieldMap| {
                let mut fresh;
                let each: &mut F = if table {
                    fresh = make();
                    &mut fresh
                } else {
                    &mut each
                };
                let mut done = Done::default();
                chunk.read::<Tickets, anyhow::Error>(map, |line, fields| {
                    done.total += 1;
                    if let Some(error) = emit(line, fields, each, &mut done.out, errors)? {
                        done.failed += 1;
                        if table {
                            done.stderr.push(format!("slacalc: line {line}: {error}"));
                        }
                    }
                    Ok(())
                })?;
                Ok(done)
            }
        },
        |done| {
            let mut text = &done.out[..];
            if table && !text.is_empty() {
                if header_written {
                    let header_end = memchr::memchr(b'\n', text).map_or(text.len(), |end| end + 1);
                    text = &text[header_end..];
                }
                header_written = true;
            }
            out.write_all(text)?;
            out.flush()?;
            for line in &done.stderr {
                eprintln!("{line}");
            }
            total += done.total;
            failed += done.failed;
            Ok(())
        },
    )?;
    if failed > 0 {
        return Err(BatchFailed { failed, total }.into());
    }
    Ok(())
}

/// Read the source in chunks, have `jobs` workers (each with its own
/// `work`, made by `make`) make something of each, and give those to
/// `take` in input order. A reading error comes after every chunk read
/// before it was taken.
pub fn in_chunks<T, W>(
    source: &Source,
    jobs: usize,
    make: &(dyn Fn() -> W + Sync),
    mut take: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    T: Send,
    W: FnMut(&Chunk, &FieldMap) -> anyhow::Result<T>,
{
    let map = FieldMap::parse(source.map).context("--map")?;
    let input = open(source.path)?;
    let format = format_of(source.path, source.format);
    let map = &map;
    let read = std::thread::scope(|scope| -> anyhow::Result<_> {
        // Few chunks wait at a time: the reader blocks when workers lag,
        // and workers block when the taker does.
        let (work, to_work) = mpsc::sync_channel::<(u64, Chunk)>(jobs);
        let to_work = Arc::new(Mutex::new(to_work));
        let (done, to_take) = mpsc::sync_channel::<(u64, anyhow::Result<T>)>(jobs);
        for _ in 0..jobs {
            let (to_work, done) = (Arc::clone(&to_work), done.clone());
            scope.spawn(move || {
                let mut each = make();
                loop {
                    let next = match to_work.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => break,
                    };
                    let Ok((number, chunk)) = next else { break };
                    if done.send((number, each(&chunk, map))).is_err() {
                        break;
                    }
                }
            });
        }
        // Workers alone hold the channels' other ends now: when they stop,
        // the reader's sends fail and it stops too.
        drop((to_work, done));
        let reader = scope.spawn(move || {
            let mut number = 0;
            read_chunks(input, format, map, CHUNK_BYTES, |chunk| {
                work.send((number, chunk))
                    .map_err(|_| anyhow::anyhow!("the workers stopped"))?;
                number += 1;
                Ok::<(), anyhow::Error>(())
            })
        });
        let taken = take_in_order(&to_take, &mut take);
        drop(to_take);
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the input reader stopped unexpectedly"))?;
        taken?;
        Ok(read)
    })?;
    read.map_err(stopped)
}

/// Take the chunks' results as they come, each in its place.
fn take_in_order<T>(
    results: &mpsc::Receiver<(u64, anyhow::Result<T>)>,
    take: &mut impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (number, result) in results {
        waiting.insert(number, result);
        while let Some(result) = waiting.remove(&next) {
            take(result?)?;
            next += 1;
        }
    }
    Ok(())
}

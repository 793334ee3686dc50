//! Batch mode on all cores (`--jobs`): one thread frames the input into
//! chunks of lines, workers read and compute them, and the output goes out
//! in input order. At most a few chunks are held at a time, so memory stays
//! bounded however long the input.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{mpsc, Arc, Mutex};

use anyhow::Context as _;
use slacalc::batch::{read_chunks, Chunk, Tickets};
use slacalc::ticket::FieldMap;

use super::batch::{emit, format_of, open, stopped, BatchFailed, ErrorPlacement, Lines, Source};

/// About this many bytes of input go to a worker at a time.
const CHUNK_BYTES: usize = 1 << 17;

/// What a worker made of one chunk.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    total: u64,
    failed: u64,
}

/// [`super::batch::run`] on `jobs` workers, errors in place.
pub fn run<F: Lines>(
    source: &Source,
    out: &mut dyn Write,
    jobs: usize,
    make: &(dyn Fn() -> F + Sync),
) -> anyhow::Result<()> {
    let map = FieldMap::parse(source.map).context("--map")?;
    let input = open(source.path)?;
    let format = format_of(source.path, source.format);
    let map = &map;
    let (total, failed, read) = std::thread::scope(|scope| -> anyhow::Result<_> {
        // Few chunks wait at a time: the reader blocks when workers lag,
        // and workers block when the writer does.
        let (work, to_work) = mpsc::sync_channel::<(u64, Chunk)>(jobs);
        let to_work = Arc::new(Mutex::new(to_work));
        let (done, to_write) = mpsc::sync_channel::<(u64, anyhow::Result<Done>)>(jobs);
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
                    let output = work_on(&chunk, map, &mut each);
                    if done.send((number, output)).is_err() {
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
        let written = write_in_order(out, &to_write);
        drop(to_write);
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the input reader stopped unexpectedly"))?;
        let (total, failed) = written?;
        Ok((total, failed, read))
    })?;
    read.map_err(stopped)?;
    if failed > 0 {
        return Err(BatchFailed { failed, total }.into());
    }
    Ok(())
}

/// One chunk's output lines, in order.
fn work_on(chunk: &Chunk, map: &FieldMap, each: &mut impl Lines) -> anyhow::Result<Done> {
    let mut done = Done::default();
    chunk.read::<Tickets, anyhow::Error>(map, |line, fields| {
        done.total += 1;
        let failed = emit(line, fields, each, &mut done.out, ErrorPlacement::InPlace)?;
        done.failed += u64::from(failed.is_some());
        Ok(())
    })?;
    Ok(done)
}

/// Write the chunks' outputs as they come, each in its place: the count of
/// lines and of failed ones.
fn write_in_order(
    out: &mut dyn Write,
    to_write: &mpsc::Receiver<(u64, anyhow::Result<Done>)>,
) -> anyhow::Result<(u64, u64)> {
    let mut waiting = BTreeMap::new();
    let (mut next, mut total, mut failed) = (0, 0, 0);
    for (number, output) in to_write {
        waiting.insert(number, output);
        while let Some(output) = waiting.remove(&next) {
            let done = output?;
            out.write_all(&done.out)?;
            out.flush()?;
            total += done.total;
            failed += done.failed;
            next += 1;
        }
    }
    Ok((total, failed))
}

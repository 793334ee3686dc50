//! Batch mode on all cores (`--jobs`): one thread frames the input into
//! chunks of lines, workers read and compute them, and their results are
//! taken in input order. At most a few chunks are held at a time, so
//! memory stays bounded however long the input. The same [`pipeline`]
//! serves work that comes out of a stage that must run in order (an event
//! log's recorder): [`fan_out`] hands it to the workers in batches.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{mpsc, Arc, Mutex};

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
    let (mut total, mut failed, mut csv) = (0, 0, CsvParts::default());
    in_chunks(
        source,
        &source.field_map()?,
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
            let text = if table {
                csv.rows(&done.out)
            } else {
                &done.out
            };
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

/// CSV tables made in parts, each with its header, joined into one: the
/// header is kept where the first row is.
#[derive(Default)]
pub struct CsvParts {
    header_written: bool,
}

impl CsvParts {
    /// The part's text to write: without its header after the first.
    pub fn rows<'t>(&mut self, part: &'t [u8]) -> &'t [u8] {
        if part.is_empty() {
            return part;
        }
        if std::mem::replace(&mut self.header_written, true) {
            let header_end = memchr::memchr(b'\n', part).map_or(part.len(), |end| end + 1);
            return &part[header_end..];
        }
        part
    }
}

/// Read the source in chunks, have `jobs` workers (each with its own
/// `work`, made by `make`) make something of each, and give those to
/// `take` in input order. A reading error comes after every chunk read
/// before it was taken.
pub fn in_chunks<T, W>(
    source: &Source,
    map: &FieldMap,
    jobs: usize,
    make: &(dyn Fn() -> W + Sync),
    take: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    T: Send,
    W: FnMut(&Chunk, &FieldMap) -> anyhow::Result<T>,
{
    let input = open(source.path)?;
    let format = format_of(source.path, source.format);
    pipeline(
        jobs,
        move |ship| read_chunks(input, format, map, CHUNK_BYTES, ship).map_err(stopped),
        &|| {
            let mut each = make();
            move |chunk: Chunk| each(&chunk, map)
        },
        take,
    )
}

/// Items handed on in batches of this many.
const BATCH_ITEMS: usize = 256;

/// Items made one after another by `produce`, worked on in batches by
/// `jobs` workers (each with its own `work`, made by `make`), and the
/// results given to `take` in the order the items came.
pub fn fan_out<I, T, W>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(I) -> anyhow::Result<()>) -> anyhow::Result<()> + Send,
    make: &(dyn Fn() -> W + Sync),
    take: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    I: Send,
    T: Send,
    W: FnMut(Vec<I>) -> anyhow::Result<T>,
{
    pipeline(
        jobs,
        move |ship| {
            let mut batch = Vec::with_capacity(BATCH_ITEMS);
            let produced = produce(&mut |item| {
                batch.push(item);
                if batch.len() == BATCH_ITEMS {
                    ship(std::mem::replace(
                        &mut batch,
                        Vec::with_capacity(BATCH_ITEMS),
                    ))?;
                }
                Ok(())
            });
            // What was produced before a failure is worked on too.
            if !batch.is_empty() {
                ship(batch)?;
            }
            produced
        },
        make,
        take,
    )
}

/// Units of work made one after another by `produce` (on a thread of its
/// own), each worked on by one of `jobs` workers (each with its own
/// `work`, made by `make`), and the results given to `take` in the order
/// the units came. Few units wait at a time: `produce` blocks when the
/// workers lag, and they block when `take` does. An error of `produce`
/// comes after every unit it made before was taken. With one job,
/// everything runs here, in turn.
fn pipeline<J, T, W>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(J) -> anyhow::Result<()>) -> anyhow::Result<()> + Send,
    make: &(dyn Fn() -> W + Sync),
    mut take: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    J: Send,
    T: Send,
    W: FnMut(J) -> anyhow::Result<T>,
{
    if jobs <= 1 {
        let mut work = make();
        return produce(&mut |unit| take(work(unit)?));
    }
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (work, to_work) = mpsc::sync_channel::<(u64, J)>(jobs);
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
                    let Ok((number, unit)) = next else { break };
                    if done.send((number, each(unit))).is_err() {
                        break;
                    }
                }
            });
        }
        // Workers alone hold the channels' other ends now: when they stop,
        // the producer's sends fail and it stops too.
        drop((to_work, done));
        let producer = scope.spawn(move || {
            let mut number = 0;
            produce(&mut |unit| {
                work.send((number, unit))
                    .map_err(|_| anyhow::anyhow!("the workers stopped"))?;
                number += 1;
                Ok(())
            })
        });
        let taken = take_in_order(&to_take, &mut take);
        drop(to_take);
        let outcome = producer
            .join()
            .map_err(|_| anyhow::anyhow!("the producer stopped unexpectedly"))?;
        taken?;
        outcome
    })
}

/// Take the units' results as they come, each in its place.
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

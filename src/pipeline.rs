//! The one ordered parallel map: units of work made one after another by a
//! producer (on a thread of its own), each worked on by one of `jobs`
//! workers, and the results taken in the order the units came. Every
//! batch command and the Python columns run through it; with one job,
//! everything runs in turn on the calling thread. At most a few units
//! wait at a time, so memory stays bounded however long the input.

use std::collections::BTreeMap;
use std::sync::{mpsc, Arc, Mutex};

/// Why a pipeline stopped other than by an error of its own stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Stopped {
    #[error("the workers stopped")]
    Workers,
    #[error("the producer stopped unexpectedly")]
    Producer,
}

/// Units of work made one after another by `produce`, each worked on by
/// one of `jobs` workers (each with its own `work`, made by `make`), and
/// the results given to `take` in the order the units came. `produce`
/// blocks when the workers lag, and they block when `take` does. An error
/// of `produce` comes after every unit it made before was taken.
pub fn pipeline<J, T, W, E>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(J) -> Result<(), E>) -> Result<(), E> + Send,
    make: &(dyn Fn() -> W + Sync),
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    J: Send,
    T: Send,
    E: Send + From<Stopped>,
    W: FnMut(J) -> Result<T, E>,
{
    let jobs = jobs.min(most_workers());
    if jobs <= 1 {
        let mut work = make();
        return produce(&mut |unit| take(work(unit)?));
    }
    std::thread::scope(|scope| -> Result<(), E> {
        let (work, to_work) = mpsc::sync_channel::<(u64, J)>(jobs);
        let to_work = Arc::new(Mutex::new(to_work));
        let (done, to_take) = mpsc::sync_channel::<(u64, Result<T, E>)>(jobs);
        let mut spawned = 0;
        for _ in 0..jobs {
            let (to_work, done) = (Arc::clone(&to_work), done.clone());
            let worker = std::thread::Builder::new().spawn_scoped(scope, move || {
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
            // The system may refuse a thread: the workers started do the
            // work.
            if worker.is_err() {
                break;
            }
            spawned += 1;
        }
        if spawned == 0 {
            let mut work = make();
            return produce(&mut |unit| take(work(unit)?));
        }
        // Workers alone hold the channels' other ends now: when they stop,
        // the producer's sends fail and it stops too.
        drop((to_work, done));
        let producer = std::thread::Builder::new()
            .spawn_scoped(scope, move || {
                let mut number = 0;
                produce(&mut |unit| {
                    work.send((number, unit))
                        .map_err(|_| E::from(Stopped::Workers))?;
                    number += 1;
                    Ok(())
                })
            })
            .map_err(|_| E::from(Stopped::Producer))?;
        let taken = take_in_order(&to_take, &mut take);
        drop(to_take);
        let outcome = producer.join().map_err(|_| E::from(Stopped::Producer))?;
        taken?;
        outcome
    })
}

/// Workers a core: more only wait their turn (and cost a stack each).
const WORKERS_PER_CORE: usize = 4;

/// The most workers a pipeline starts, whatever it is asked for.
fn most_workers() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from) * WORKERS_PER_CORE
}

/// Take the units' results as they come, each in its place.
fn take_in_order<T, E>(
    results: &mpsc::Receiver<(u64, Result<T, E>)>,
    take: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
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

/// Items handed on in batches of this many.
pub const BATCH_ITEMS: usize = 256;

/// [`pipeline`] for items made one at a time by a stage that must run in
/// order (an event log's recorder): they go to the workers in batches of
/// [`BATCH_ITEMS`].
pub fn in_batches<I, T, W, E>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(I) -> Result<(), E>) -> Result<(), E> + Send,
    make: &(dyn Fn() -> W + Sync),
    take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    T: Send,
    E: Send + From<Stopped>,
    W: FnMut(Vec<I>) -> Result<T, E>,
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

/// Rows handed to a worker at a time by [`map_rows`].
const ROWS_AT_A_TIME: usize = 4096;

/// `answer` for each of `n` rows (by index), in row order, on `jobs`
/// workers, never more than the chunks of rows to hand out (a worker
/// more would only wait; one chunk runs on the calling thread); each
/// worker keeps its own `state` (names resolved, say).
pub fn map_rows<T: Send, S>(
    n: usize,
    jobs: usize,
    state: impl Fn() -> S + Sync,
    answer: impl Fn(&mut S, usize) -> T + Sync,
) -> Result<Vec<T>, Stopped> {
    let jobs = jobs.min(n.div_ceil(ROWS_AT_A_TIME));
    let mut answers = Vec::with_capacity(n);
    pipeline(
        jobs,
        |ship| {
            (0..n)
                .step_by(ROWS_AT_A_TIME)
                .try_for_each(|first| ship(first..(first + ROWS_AT_A_TIME).min(n)))
        },
        &|| {
            let mut own = state();
            let answer = &answer;
            move |rows: std::ops::Range<usize>| -> Result<Vec<T>, Stopped> {
                Ok(rows.map(|i| answer(&mut own, i)).collect())
            }
        },
        |part| {
            answers.extend(part);
            Ok(())
        },
    )?;
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_more_workers_than_cores_are_not_started() {
        // 20,000 asked (once: "failed to spawn thread", exit 134): the
        // pipeline starts at most four a core, and answers in order.
        let answers = map_rows(10_000, 20_000, || (), |(), i| i + 1).unwrap();
        assert!(answers.iter().enumerate().all(|(i, a)| *a == i + 1));
        assert!(most_workers() <= 4 * std::thread::available_parallelism().map_or(1, usize::from));
    }

    #[test]
    fn results_come_in_order_on_any_number_of_workers() {
        // Each row's answer is its index squared; the order must be the
        // rows' whatever the workers' timing.
        for jobs in [1, 2, 3, 8] {
            let n = 3 * ROWS_AT_A_TIME + 17;
            let answers = map_rows(n, jobs, || (), |(), i| i * i).unwrap();
            assert_eq!(answers.len(), n);
            assert!(answers.iter().enumerate().all(|(i, a)| *a == i * i));
        }
        // More workers than rows, or no rows at all: the same answers.
        for n in [0, 1, 5] {
            let answers = map_rows(n, 64, || (), |(), i| i * i).unwrap();
            assert_eq!(answers, (0..n).map(|i| i * i).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_of_the_producer_comes_after_what_it_made() {
        for jobs in [1, 2] {
            let mut taken = Vec::new();
            let result: Result<(), Stopped> = pipeline(
                jobs,
                |ship| {
                    for unit in 0..5 {
                        ship(unit)?;
                    }
                    Err(Stopped::Producer)
                },
                &|| |unit: u32| Ok(unit + 1),
                |t| {
                    taken.push(t);
                    Ok(())
                },
            );
            assert_eq!(result, Err(Stopped::Producer));
            assert_eq!(taken, [1, 2, 3, 4, 5]);
        }
    }
}

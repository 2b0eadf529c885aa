//! An ordered parallel map with bounded memory.
//!
//! The calling thread takes items from the input iterator in chunks and hands them to
//! worker threads over a channel; workers send back their results, and the calling thread
//! gives them to the sink in input order, whatever order they finish in. At most `window`
//! chunks are ever in flight (read and not yet given to the sink), so memory is bounded by
//! the window, not by the number of items, and a slow item never lets the others pile up.
//!
//! Plain std threads and channels, not rayon: rayon's ordered collection wants every
//! result at once (memory grows with the run) and its `par_bridge` loses order; what is
//! needed here is a bounded reorder window, which is a few lines over `sync_channel`.
//!
//! One item that panics does not stop the run: its result is [`Panicked`] and the others go
//! on (the evaluator should never panic on input; this is the net under that promise).

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;

/// An item whose work panicked: the panic's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panicked(pub String);

/// How many items a worker takes at once, and how many chunks per worker may be in flight.
const CHUNK: usize = 16;
const CHUNKS_PER_WORKER: usize = 4;

/// Applies `work` to every item on `workers` threads (1 means on this thread) and gives each
/// result to `sink`, in input order.
pub fn ordered_map<T, R, I, W, S>(items: I, workers: usize, work: W, mut sink: S)
where
    I: IntoIterator<Item = T>,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(Result<R, Panicked>),
{
    let run = |item: T| catch_unwind(AssertUnwindSafe(|| work(item))).map_err(panicked);
    if workers <= 1 {
        for item in items {
            sink(run(item));
        }
        return;
    }
    let window = workers * CHUNKS_PER_WORKER;
    let (job_tx, job_rx) = sync_channel::<(usize, Vec<T>)>(window);
    let (done_tx, done_rx) = sync_channel::<(usize, Vec<Result<R, Panicked>>)>(window);
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (job_rx, run) = (&job_rx, &run);
            scope.spawn(move || {
                while let Some((k, chunk)) = next_job(job_rx) {
                    let results = chunk.into_iter().map(run).collect();
                    if done_tx.send((k, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut items = items.into_iter();
        let (mut issued, mut emitted) = (0usize, 0usize);
        let mut exhausted = false;
        let mut pending: BTreeMap<usize, Vec<Result<R, Panicked>>> = BTreeMap::new();
        loop {
            while !exhausted && issued - emitted < window {
                let chunk: Vec<T> = items.by_ref().take(CHUNK).collect();
                if chunk.len() < CHUNK {
                    exhausted = true;
                }
                if chunk.is_empty() {
                    break;
                }
                // INVARIANT: the channel holds `window` chunks and fewer are in flight.
                if job_tx.send((issued, chunk)).is_err() {
                    exhausted = true;
                    break;
                }
                issued += 1;
            }
            if emitted == issued {
                break;
            }
            match done_rx.recv() {
                Ok((k, results)) => {
                    pending.insert(k, results);
                }
                // Every worker is gone: nothing more will come.
                Err(_) => break,
            }
            while let Some(results) = pending.remove(&emitted) {
                results.into_iter().for_each(&mut sink);
                emitted += 1;
            }
        }
        drop(job_tx);
    });
}

fn next_job<T>(jobs: &Mutex<Receiver<(usize, Vec<T>)>>) -> Option<(usize, Vec<T>)> {
    // A poisoned lock means a worker panicked outside `run`, which cannot happen; stop then.
    jobs.lock().ok()?.recv().ok()
}

fn panicked(payload: Box<dyn std::any::Any + Send>) -> Panicked {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    Panicked(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_number_of_workers() {
        for workers in [1, 2, 3, 8] {
            let mut got = Vec::new();
            ordered_map(
                0..1000u64,
                workers,
                |n| {
                    // Uneven work, so that chunks finish out of order.
                    if n % 37 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    n * 2
                },
                |r| got.push(r.unwrap()),
            );
            assert_eq!(got, (0..1000u64).map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_panicking_item_is_reported_and_the_others_are_still_done() {
        let mut got = Vec::new();
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        ordered_map(
            0..100u32,
            2,
            |n| {
                if n == 42 {
                    panic!("item {n}");
                }
                n
            },
            |r| got.push(r),
        );
        std::panic::set_hook(quiet);
        assert_eq!(got.len(), 100);
        assert_eq!(got[42], Err(Panicked("item 42".to_string())));
        assert_eq!(got[43], Ok(43));
    }

    #[test]
    fn no_more_than_the_window_is_ever_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let taken = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut emitted = 0;
        let items = (0..10_000usize).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        ordered_map(
            items,
            2,
            |n| n,
            |_| {
                emitted += 1;
                max_ahead = max_ahead.max(taken.load(Ordering::SeqCst) - emitted);
            },
        );
        assert_eq!(emitted, 10_000);
        assert!(
            max_ahead <= 2 * CHUNKS_PER_WORKER * CHUNK,
            "{max_ahead} in flight"
        );
    }
}

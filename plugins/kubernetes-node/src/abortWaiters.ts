/**
 * One 'abort' listener per caller's signal however many requests wait on it. A scheduled sync hands one
 * signal to every request it makes, dozens at a time; a listener each trips Node's
 * MaxListenersExceededWarning ("possible EventTarget memory leak") in the backend's log on every sync,
 * although each is removed when its request ends.
 */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts; returns the function that stops waiting. */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const set = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        for (const waiter of [...set]) waiter();
        set.clear();
      },
      { once: true },
    );
    waiting.set(signal, set);
    callbacks = set;
  }
  const own = callbacks;
  own.add(callback);
  return () => {
    own.delete(callback);
  };
}

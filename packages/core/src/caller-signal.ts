/**
 * A caller's `AbortSignal`, watched with one listener however many calls share it. Adding a listener per
 * call would leave thousands on a signal shared by thousands of calls, and make Node warn
 * (MaxListenersExceededWarning) past ten.
 */

type Watcher = (reason: unknown) => void;

const watchers = new WeakMap<AbortSignal, Set<Watcher>>();

/**
 * Calls `watcher` with the signal's reason when it aborts (at once, if it has); returns the function that
 * stops watching. The signal's one listener stays until it aborts, and goes with the signal.
 */
export function onCallerAbort(signal: AbortSignal, watcher: Watcher): () => void {
  if (signal.aborted) {
    watcher(signal.reason);
    return noop;
  }
  let set = watchers.get(signal);
  if (set === undefined) {
    const watching = new Set<Watcher>();
    set = watching;
    watchers.set(signal, watching);
    signal.addEventListener(
      "abort",
      () => {
        watchers.delete(signal);
        for (const each of watching) each(signal.reason);
      },
      { once: true },
    );
  }
  set.add(watcher);
  const watching = set;
  return () => watching.delete(watcher);
}

const noop = () => {};

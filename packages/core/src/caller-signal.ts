/**
 * A caller's `AbortSignal`, watched with one listener however many calls share it. Adding a listener per
 * call would leave thousands on a signal shared by thousands of calls, and make Node warn
 * (MaxListenersExceededWarning) past ten.
 */

type Watcher = (reason: unknown) => void;

const watchers = new WeakMap<AbortSignal, { watching: Set<Watcher>; listener: () => void }>();

/**
 * Calls `watcher` with the signal's reason when it aborts (at once, if it has); returns the function that
 * stops watching. The signal has one listener while any call watches it, none once none does.
 */
export function onCallerAbort(signal: AbortSignal, watcher: Watcher): () => void {
  if (signal.aborted) {
    watcher(signal.reason);
    return noop;
  }
  let entry = watchers.get(signal);
  if (entry === undefined) {
    const watching = new Set<Watcher>();
    const listener = () => {
      watchers.delete(signal);
      for (const each of watching) each(signal.reason);
    };
    entry = { watching, listener };
    watchers.set(signal, entry);
    signal.addEventListener("abort", listener, { once: true });
  }
  const { watching, listener } = entry;
  watching.add(watcher);
  return () => {
    if (!watching.delete(watcher) || watching.size > 0) return;
    watchers.delete(signal);
    signal.removeEventListener("abort", listener);
  };
}

const noop = () => {};

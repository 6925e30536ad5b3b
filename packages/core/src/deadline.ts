import { onCallerAbort } from "./caller-signal.js";

// setTimeout's longest delay; Node runs a longer one after 1 ms.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One attempt's end: its `timeoutMs` passing, or the caller's signal aborting, whichever comes first. Every
 * part of the attempt — the token function, the request, its body, its decoding — is raced against it, and
 * the request in flight is stopped by the function given to `onEnd`.
 */
export class AttemptDeadline {
  /** True once the timeout (not the caller) ended the attempt. */
  timedOut = false;
  /** Why the attempt ended, once it has: the timeout's `DOMException`, or the caller's reason. */
  reason: unknown;
  #ended = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unwatch: (() => void) | undefined;
  #stop: ((reason: unknown) => void) | undefined;
  #reject: ((reason: unknown) => void) | undefined;
  #endedPromise: Promise<never> | undefined;

  /** Starts the clock: `timeoutMs` milliseconds (`Infinity` for none; at most about 24.8 days). */
  constructor(timeoutMs: number, callerSignal?: AbortSignal | null) {
    if (timeoutMs !== Infinity) {
      this.#timer = setTimeout(
        () => {
          this.timedOut = true;
          this.#end(new DOMException(`timed out after ${timeoutMs} ms`, "TimeoutError"));
        },
        Math.min(timeoutMs, MAX_DELAY_MS),
      );
    }
    if (callerSignal) this.#unwatch = onCallerAbort(callerSignal, (reason) => this.#end(reason));
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** What stops the request in flight when the attempt ends (called at once if it has ended). One at a time. */
  onEnd(stop: ((reason: unknown) => void) | undefined): void {
    this.#stop = stop;
    if (this.#ended) stop?.(this.reason);
  }

  /** Settles with `work`, or rejects with the attempt's end when that comes first. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.#ended) return Promise.reject(this.reason);
    this.#endedPromise ??= new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    // The race's loser must not surface as an unhandled rejection.
    this.#endedPromise.catch(() => {});
    return Promise.race([work, this.#endedPromise]);
  }

  /** Takes the attempt off the clock and stops watching the caller's signal; call when the attempt is over. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#unwatch?.();
    this.#stop = undefined;
  }

  #end(reason: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.reason = reason;
    this.#stop?.(reason);
    this.#reject?.(reason);
  }
}

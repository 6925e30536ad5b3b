import { performance } from "node:perf_hooks";
import { onCallerAbort } from "./caller-signal.js";

/**
 * One attempt's deadline: the client's per-attempt timeout, combined with the caller's signal.
 *
 * Two ways to stop an attempt that outlives it:
 * - `signal`: an `AbortSignal` handed to `fetch`. Works with any `fetch`.
 * - `dispatcher`: with Node's own `fetch`, a dispatcher that wraps the global one and aborts the attempt's
 *   HTTP request itself. The connection is torn down just the same, but no `AbortSignal` is created and
 *   `fetch` sets up no abort listeners, which costs several percent of a small call's CPU.
 */
export interface AttemptDeadline {
  /** The signal `fetch` is given for this attempt, if any. */
  readonly signal: AbortSignal | undefined;
  /** The dispatcher `fetch` is given for this attempt, if any. */
  readonly dispatcher: unknown;
  /** True once the timeout (not the caller) ended the attempt. */
  readonly timedOut: boolean;
  /** The attempt's work, settled by the deadline when it outlives it. */
  settle<T>(work: Promise<T>): Promise<T>;
  /**
   * Work that cannot be told to stop (a token function, say), raced against the deadline and the caller's
   * signal: it rejects with the timeout or the caller's reason, whichever comes first.
   */
  race<T>(work: Promise<T>): Promise<T>;
  /** Takes the attempt off the clock and unlinks the caller's signal; call when the attempt is over. */
  clear(): void;
}

export type DeadlineKind = "signal" | "dispatcher";

/**
 * How deadlines are kept with `fetch`: by dispatcher with Node's own `fetch` when its undici speaks the
 * dispatch-handler API wrapped here (undici 6: Node 20 and 22), by signal otherwise.
 */
export function deadlineKindFor(customFetch: boolean): DeadlineKind {
  const undiciMajor = Number(process.versions.undici?.split(".")[0]);
  return !customFetch && undiciMajor === 6 ? "dispatcher" : "signal";
}

/** Starts an attempt's deadline. */
export function startDeadline(kind: DeadlineKind, timeoutMs: number, callerSignal?: AbortSignal | null): AttemptDeadline {
  return kind === "dispatcher" ? new DispatcherDeadline(timeoutMs, callerSignal) : new SignalDeadline(timeoutMs, callerSignal);
}

const timeoutReason = (timeoutMs: number) => new DOMException(`timed out after ${timeoutMs} ms`, "TimeoutError");

/** An attempt's deadline as the clock keeps it: an entry of the clock's list while it is pending. */
abstract class ClockEntry {
  /** When it passes, on `performance.now()`'s clock. */
  readonly expiresAt: number;
  /** True once the timeout (not the caller) ended the attempt. */
  timedOut = false;
  pending = false;
  previous: ClockEntry | null = null;
  next: ClockEntry | null = null;

  constructor(readonly timeoutMs: number) {
    this.expiresAt = performance.now() + timeoutMs;
  }

  /** Called by the clock when the deadline passes. */
  expire(): void {
    // A caller's abort that came first stays the reason.
    if (this.#hasEnded) return;
    this.timedOut = true;
    this.end(timeoutReason(this.timeoutMs));
  }

  /** Ends the attempt with `reason`: the deadline's, or the caller's. */
  protected end(reason: unknown): void {
    if (this.#hasEnded) return;
    this.#hasEnded = true;
    this.#endReason = reason;
    this.#ended?.(reason);
    this.stop(reason);
  }

  #hasEnded = false;
  #endReason: unknown;
  #ended: ((reason: unknown) => void) | undefined;
  #endedPromise: Promise<never> | undefined;

  /** Settles with `work`, or rejects when the attempt ends first. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.#hasEnded) return Promise.reject(this.#endReason);
    this.#endedPromise ??= new Promise<never>((_, reject) => {
      this.#ended = reject;
    });
    // The race's loser must not surface as an unhandled rejection.
    this.#endedPromise.catch(() => {});
    return Promise.race([work, this.#endedPromise]);
  }

  /** Stops the attempt's request with `reason`. */
  protected abstract stop(reason: unknown): void;
}

// setTimeout's longest delay; Node runs a longer one after 1 ms.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One timer for the deadlines of every attempt in flight, armed for the earliest, rather than a timer
 * created and cleared around every request: an attempt is linked into a list, and unlinked when it ends.
 * The timer holds the process open only while an attempt is in flight.
 */
class DeadlineClock {
  #first: ClockEntry | null = null;
  #last: ClockEntry | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firesAt = Infinity;

  add(entry: ClockEntry): void {
    entry.pending = true;
    entry.previous = this.#last;
    if (this.#last) this.#last.next = entry;
    else this.#first = entry;
    this.#last = entry;
    if (entry.expiresAt < this.#firesAt) this.#arm(entry.expiresAt);
    else if (entry.previous === null) this.#timer?.ref();
  }

  /** Whether an attempt is in flight; and whether the timer holds the process open (it should then, only). */
  state(): { inFlight: boolean; holdsProcess: boolean } {
    return { inFlight: this.#first !== null, holdsProcess: this.#timer?.hasRef() ?? false };
  }

  remove(entry: ClockEntry): void {
    if (!entry.pending) return;
    this.#unlink(entry);
    if (this.#first === null) this.#timer?.unref();
  }

  #unlink(entry: ClockEntry): void {
    const { previous, next } = entry;
    if (previous) previous.next = next;
    else this.#first = next;
    if (next) next.previous = previous;
    else this.#last = previous;
    entry.pending = false;
    entry.previous = entry.next = null;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#firesAt = at;
    this.#timer = setTimeout(this.#fire, Math.min(Math.max(at - performance.now(), 0), MAX_DELAY_MS));
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    this.#firesAt = Infinity;
    // Timers keep whole milliseconds: anything due within the next one is due now.
    const now = performance.now() + 1;
    const due: ClockEntry[] = [];
    let next = Infinity;
    for (let entry = this.#first; entry; entry = entry.next) {
      if (entry.expiresAt <= now) due.push(entry);
      else if (entry.expiresAt < next) next = entry.expiresAt;
    }
    for (const entry of due) this.#unlink(entry);
    if (next < Infinity) this.#arm(next);
    // Last: what an expiry sets off may add deadlines or end others.
    for (const entry of due) entry.expire();
  };
}

/** The clock of every deadline in this process. */
export const clock = new DeadlineClock();

/** A plain controller: cheaper per call than `AbortSignal.any` with `AbortSignal.timeout`. */
class SignalDeadline extends ClockEntry implements AttemptDeadline {
  readonly signal: AbortSignal;
  readonly dispatcher = undefined;
  readonly #controller = new AbortController();
  readonly #unwatch: (() => void) | undefined;

  constructor(timeoutMs: number, callerSignal?: AbortSignal | null) {
    super(timeoutMs);
    this.signal = this.#controller.signal;
    clock.add(this);
    this.#unwatch = callerSignal ? onCallerAbort(callerSignal, (reason) => this.end(reason)) : undefined;
  }

  protected stop(reason: unknown): void {
    this.#controller.abort(reason);
  }

  settle<T>(work: Promise<T>): Promise<T> {
    return work;
  }

  clear(): void {
    clock.remove(this);
    this.#unwatch?.();
  }
}

/** undici's handler of one dispatched HTTP request (the callback API of undici 6). */
interface DispatchHandler {
  onConnect(abort: (reason?: unknown) => void, context?: unknown): void;
  onError(error: Error): void;
  onHeaders?(statusCode: number, headers: unknown, resume: () => void, statusText?: string): boolean | undefined;
  onData?(chunk: unknown): boolean | undefined;
  onComplete?(trailers: unknown): void;
  onUpgrade?(statusCode: number, headers: unknown, socket: unknown): void;
  onResponseStarted?(): void;
  onBodySent?(chunk: unknown): void;
  onRequestSent?(): void;
}

interface Dispatcher {
  dispatch(options: unknown, handler: DispatchHandler): boolean;
}

const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** The `fetch` seen handing a request to a deadline's dispatcher: its attempts need no race against the timer. */
let dispatchingFetch: unknown;

/**
 * The attempt is `fetch`'s dispatcher: every request it dispatches (redirects included) goes to the global
 * dispatcher, which the caller may have set (a proxy agent, say), with a handler the timer can end.
 */
class DispatcherDeadline extends ClockEntry implements AttemptDeadline {
  // The caller's signal is watched here rather than handed to `fetch`, which would add listeners to it per call.
  readonly signal = undefined;
  readonly dispatcher: Dispatcher = this;
  /** The handler of the HTTP request in flight, while there is one. */
  inFlight: DeadlineHandler | null = null;
  /** The global `fetch` this attempt is sent with. */
  readonly #fetch = globalThis.fetch;
  readonly #unwatch: (() => void) | undefined;
  /** Why the attempt ended early, once it has. */
  #endedBy: Error | undefined;

  constructor(timeoutMs: number, callerSignal?: AbortSignal | null) {
    super(timeoutMs);
    clock.add(this);
    this.#unwatch = callerSignal ? onCallerAbort(callerSignal, (reason) => this.end(reason)) : undefined;
  }

  protected stop(reason: unknown): void {
    this.#endedBy = reason instanceof Error ? reason : new DOMException(String(reason), "AbortError");
    this.inFlight?.expire(this.#endedBy);
  }

  dispatch(options: unknown, handler: DispatchHandler): boolean {
    if (this.#endedBy !== undefined) {
      handler.onError(this.#endedBy);
      return false;
    }
    dispatchingFetch = this.#fetch;
    const global = (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];
    if (!global) throw new Error("signhub: Node's fetch has no global dispatcher");
    this.inFlight = new DeadlineHandler(handler, this);
    return global.dispatch(options, this.inFlight);
  }

  settle<T>(work: Promise<T>): Promise<T> {
    // Until this `fetch` has shown it uses the dispatcher (one replaced by a test double may not), the
    // timer also settles the attempt itself.
    return this.#fetch === dispatchingFetch ? work : this.race(work);
  }

  clear(): void {
    clock.remove(this);
    this.#unwatch?.();
    this.inFlight = null;
  }
}

/**
 * Forwards every callback to `fetch`'s own handler. When the deadline passes, a request on the wire is
 * aborted (its connection closed); one still waiting for a connection fails at once, and is aborted
 * before anything is written if a connection comes later.
 */
class DeadlineHandler implements DispatchHandler {
  readonly #handler: DispatchHandler;
  readonly #deadline: DispatcherDeadline;
  #abort: ((reason?: unknown) => void) | null = null;
  #expired: Error | null = null;
  #failed = false;

  constructor(handler: DispatchHandler, deadline: DispatcherDeadline) {
    this.#handler = handler;
    this.#deadline = deadline;
  }

  expire(reason: Error): void {
    this.#expired = reason;
    if (this.#abort) this.#abort(reason);
    else this.onError(reason);
  }

  onConnect(abort: (reason?: unknown) => void, context?: unknown): void {
    if (this.#expired) {
      abort(this.#expired);
      return;
    }
    this.#abort = abort;
    this.#handler.onConnect(abort, context);
  }
  onHeaders(statusCode: number, headers: unknown, resume: () => void, statusText?: string): boolean | undefined {
    return this.#handler.onHeaders?.(statusCode, headers, resume, statusText);
  }
  onData(chunk: unknown): boolean | undefined {
    return this.#handler.onData?.(chunk);
  }
  onComplete(trailers: unknown): void {
    this.#done();
    this.#handler.onComplete?.(trailers);
  }
  onError(error: Error): void {
    // Once: a request failed before its connection came is aborted when it comes, and reports again.
    if (this.#failed) return;
    this.#failed = true;
    this.#done();
    this.#handler.onError(error);
  }
  onUpgrade(statusCode: number, headers: unknown, socket: unknown): void {
    this.#done();
    this.#handler.onUpgrade?.(statusCode, headers, socket);
  }
  onResponseStarted(): void {
    this.#handler.onResponseStarted?.();
  }
  onBodySent(chunk: unknown): void {
    this.#handler.onBodySent?.(chunk);
  }
  onRequestSent(): void {
    this.#handler.onRequestSent?.();
  }

  #done(): void {
    if (this.#deadline.inFlight === this) this.#deadline.inFlight = null;
  }
}

import { request } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

/** Options for {@link waitUntilAnswers}. */
export interface WaitUntilAnswersOptions {
  /**
   * Pause between attempts.
   * @default 50
   */
  intervalMs?: number;
  /** Stops waiting; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Resolves once `url` returns any HTTP response, whatever its status. */
export async function waitUntilAnswers(url: string, options: WaitUntilAnswersOptions = {}): Promise<void> {
  const { intervalMs = 50, signal } = options;
  for (;;) {
    signal?.throwIfAborted();
    if (await answers(url, signal)) return;
    await delay(intervalMs, undefined, { signal });
  }
}

/** Whether `url` returns any HTTP response right now. */
export function answers(url: string, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    // No keep-alive agent: a pooled socket would outlive the check and hold the mock open.
    const req = request(url, { agent: false, timeout: 1000, signal }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once("timeout", () => req.destroy());
    req.once("error", () => resolve(false));
    req.end();
  });
}

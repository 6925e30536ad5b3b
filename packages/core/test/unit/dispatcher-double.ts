import type { Dispatcher } from "undici";

/** What a dispatcher double was asked to send. */
export type DispatchOptions = { origin: string; path: string; method: string; headers: Record<string, string>; body: string | Uint8Array | null };

/**
 * An undici dispatcher for tests, speaking the handler API an `Agent` speaks: each request is handed to
 * `onDispatch`, then answered 200 with `body` as JSON — unless `answers(index)` says not, in which case it is
 * never answered. Aborting a request ends it, as an `Agent` does. Answers come on a later turn (`later`).
 */
export function dispatcherDouble(
  options: { body?: string; answers?: (index: number) => boolean; onDispatch?: (request: DispatchOptions) => void; later?: (answer: () => void) => void } = {},
): Dispatcher {
  const { body = '{"ok":true}', answers = () => true, onDispatch, later = queueMicrotask } = options;
  let count = 0;
  return {
    dispatch(request: DispatchOptions, handler: Dispatcher.DispatchHandler) {
      onDispatch?.(request);
      const answered = answers(count++);
      const controller = {
        abort: (reason: Error) => queueMicrotask(() => handler.onResponseError?.(controller, reason)),
      } as unknown as Dispatcher.DispatchController;
      later(() => {
        handler.onRequestStart?.(controller, {});
        if (!answered) return;
        handler.onResponseStart?.(controller, 200, { "content-type": "application/json" }, "OK");
        handler.onResponseData?.(controller, Buffer.from(body));
        handler.onResponseEnd?.(controller, {});
      });
      return true;
    },
  } as unknown as Dispatcher;
}

import { describe, expect, test } from "vitest";
import { isRepeatSafe, isRetryableStatus, retryDelayMs } from "../../src/index.js";

describe("retryDelayMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test("honours Retry-After in seconds", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after": "3" }), now)).toBe(3000);
  });
  test("honours Retry-After as an HTTP date", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
  });
  test("prefers retry-after-ms to Retry-After", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after-ms": "250", "retry-after": "3" }), now)).toBe(250);
  });
  test("ignores a Retry-After beyond a minute and falls back to backoff", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after": "3600" }), now, () => 0)).toBe(500);
  });
  test("backs off exponentially from 0.5 s to 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => retryDelayMs(retry, undefined, now, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
  test("jitters by at most a quarter below the base", () => {
    expect(retryDelayMs(1, undefined, now, () => 0.999)).toBeGreaterThan(750);
    expect(retryDelayMs(1, undefined, now, () => 0.999)).toBeLessThan(1000);
  });
});

describe("what may be retried", () => {
  test("statuses 408, 429, 500, 502, 503, 504 only", () => {
    const statuses = [400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 505];
    expect(statuses.filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503, 504]);
  });
  test("idempotent methods by default; POST and PATCH only when the spec says so", () => {
    expect(["GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"].filter((m) => isRepeatSafe(m))).toEqual(["GET", "HEAD", "PUT", "DELETE"]);
    expect(isRepeatSafe("PATCH", true)).toBe(true);
    expect(isRepeatSafe("PUT", false)).toBe(false);
  });
});

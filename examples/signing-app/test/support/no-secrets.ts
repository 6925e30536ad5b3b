import { inspect } from "node:util";
import { expect } from "vitest";

/** Asserts that no secret shows in what a log or a snapshot would see of an error: message, stack, JSON, inspect, causes. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const views: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    views.push(current.message, current.stack ?? "", JSON.stringify(current) ?? "", inspect(current, { depth: 6 }));
  }
  expect(views.length, "an Error to look into").toBeGreaterThan(0);
  const shown = views.join("\n");
  for (const secret of secrets) expect(shown.includes(secret), "the error shows a secret").toBe(false);
}

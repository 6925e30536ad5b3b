import { inspect } from "node:util";
import { expect } from "vitest";

/** Everything a caller, a logger or a snapshot could see of an error, its causes included. */
export function everythingShownOf(error: unknown): string {
  const views: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    views.push(inspect(current, { depth: 6 }), JSON.stringify(current) ?? "", String(current));
    if (current instanceof Error) views.push(current.message, current.stack ?? "");
    current = current instanceof Error ? current.cause : undefined;
  }
  return views.join("\n");
}

/** Asserts that no secret appears in any view of the error (message, toJSON, inspect, stack, causes). */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  expect(error).toBeInstanceOf(Error);
  const shown = everythingShownOf(error);
  for (const secret of secrets) expect(shown, `the error shows a secret`).not.toContain(secret);
}

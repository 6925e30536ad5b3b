import { scrubSecrets } from "./redact.js";

/** How much of an unparseable body an error keeps. */
export const EXCERPT_LENGTH = 200;

/** The start of a body, whitespace folded and secrets scrubbed, for an error message. */
export function excerpt(text: string, secrets: readonly string[]): string {
  const folded = scrubSecrets(text, secrets).replace(/\s+/g, " ").trim();
  return folded.length > EXCERPT_LENGTH ? `${folded.slice(0, EXCERPT_LENGTH)}…` : folded;
}

/** A body parsed as JSON, or `{ ok: false }` when it is empty or not JSON. */
export function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

import type { Exchange, Violation } from "./recorder.js";

/**
 * A failed case's error with what the mock said about it appended: Prism's violations (`sl-violations`),
 * split into the request's (the call broke the spec) and the response's (the spec's own example, or the
 * body Prism made up, broke the spec's schema), else Prism's own problem when it could not answer; and a `note`
 * signhub adds (a path Prism cannot route by).
 */
export function explain(error: unknown, exchange: Exchange | undefined, { example, hint, note }: { example: boolean; hint?: string; note?: string }): Error {
  const message = error instanceof Error ? error.message : String(error);
  const failure = new Error(`${message}\n${why(exchange, example)}${note ? `\nWhy, besides: ${note}` : ""}${hint ? `\n${hint}` : ""}`, { cause: error });
  if (error instanceof Error && error.stack) failure.stack = `${failure.message}\n${error.stack.split("\n").slice(1).join("\n")}`;
  return failure;
}

/** One or more lines saying why, from what the mock answered. */
export function why(exchange: Exchange | undefined, example: boolean): string {
  if (!exchange) return "Why: the request never reached the mock (the client refused it, or the connection failed).";
  const request = exchange.violations.filter((violation) => violation.location[0] === "request");
  const response = exchange.violations.filter((violation) => violation.location[0] === "response");
  const other = exchange.violations.filter((violation) => !request.includes(violation) && !response.includes(violation));
  const lines: string[] = [];
  if (request.length) lines.push(`Why: the request breaks the spec (Prism answered ${exchange.status}): ${list(request)}`);
  if (response.length) {
    const whose = example ? "the spec's own example breaks its schema" : "the response Prism made from the schema breaks it";
    lines.push(`Why: ${whose} (Prism answered ${exchange.status}): ${list(response)}`);
  }
  if (other.length) lines.push(`Why: Prism reported (status ${exchange.status}): ${list(other)}`);
  if (!lines.length && exchange.problem) lines.push(`Why: Prism could not answer (${exchange.status} ${exchange.problem.code}): ${exchange.problem.message}`);
  if (!lines.length) lines.push(`Why: Prism answered ${exchange.status} and found nothing wrong with the request or the response.`);
  return lines.join("\n");
}

/**
 * Prism's reasons for an exchange, the request's first, else its own problem when it could not answer
 * (`Schema too complex: …`): what a known defect is listed with.
 */
export function reasons(exchange: Exchange | undefined): string[] {
  const violations = exchange?.violations ?? [];
  const errors = violations.filter((violation) => violation.severity === undefined || violation.severity === "Error");
  const ordered = [...errors.filter((violation) => violation.location[0] === "request"), ...errors.filter((violation) => violation.location[0] !== "request")];
  if (!violations.length && exchange?.problem?.message) return [exchange.problem.message];
  return [...new Set(ordered.map((violation) => violation.message))];
}

/** Prism's messages (they name the place: `Response body property 0.id must be integer`), errors only when there are any. */
function list(violations: Violation[]): string {
  const errors = violations.filter((violation) => violation.severity === undefined || violation.severity === "Error");
  return [...new Set((errors.length ? errors : violations).map((violation) => violation.message))].join("; ");
}

import type { LoadedSpec } from "@signhub/codegen";

/** One call of an operation against the mock: the status asked for (`Prefer: code=…`) and the response documented for it. */
export interface ContractCase {
  /** The response's key as the spec writes it: `"200"`, `"2XX"`, `"default"`. */
  key: string;
  status: number;
  /** Whether the client resolves (2xx, 304) rather than throws. */
  success: boolean;
  response: unknown;
}

/** Statuses a `default` error response is asked for with, the first one the operation documents no other way. */
const DEFAULT_ERROR_STATUSES = [500, 400, 422, 409, 503, 418];

/**
 * The cases of one operation: each documented status; a range (`4XX`) at its first status not documented
 * on its own; `default` at an error status nothing else covers, and as the success when no 2xx is documented.
 * Prism answers a status from its range or from `default` (its negotiator's order). Informational (1xx)
 * responses cannot be asked for.
 */
export function contractCases(responses: Record<string, unknown>): ContractCase[] {
  const keys = Object.keys(responses).filter((key) => !key.startsWith("x-"));
  const exact = new Set(keys.filter((key) => /^\d{3}$/.test(key)).map(Number));
  const ranges = new Set(keys.filter((key) => /^[1-5]xx$/i.test(key)).map((key) => Number(key[0])));
  const covered = (status: number) => exact.has(status) || ranges.has(Math.floor(status / 100));
  const cases: ContractCase[] = [];
  for (const key of keys) {
    const response = responses[key];
    if (exact.has(Number(key)) && /^\d{3}$/.test(key)) {
      const status = Number(key);
      // 304 Not Modified answers a conditional request: a success without content (RFC 9110 §15.4.5), as core reads it.
      if (status >= 200) cases.push({ key, status, success: status < 300 || status === 304, response });
    } else if (/^[2-5]xx$/i.test(key)) {
      const first = Number(key[0]) * 100;
      const status = Array.from({ length: 100 }, (_, i) => first + i).find((candidate) => !exact.has(candidate));
      if (status !== undefined) cases.push({ key, status, success: first === 200, response });
    } else if (key === "default") {
      if (![...exact].some((status) => status >= 200 && status < 300) && !ranges.has(2)) cases.push({ key, status: 200, success: true, response });
      const status = DEFAULT_ERROR_STATUSES.find((candidate) => !covered(candidate));
      if (status !== undefined) cases.push({ key, status, success: false, response });
    }
  }
  return cases;
}

/** An operation's Responses Object, as the spec writes it (`{}` when it has none). */
export function operationResponses(spec: LoadedSpec, method: string, path: string): Record<string, unknown> {
  return operationObject(spec, method, path)?.responses ?? {};
}

/** An operation of the spec, its path item dereferenced. */
export function operationObject(spec: LoadedSpec, method: string, path: string): { responses?: Record<string, unknown>; [key: string]: unknown } | undefined {
  const paths = spec.doc.paths as Record<string, unknown>;
  return (spec.deref(paths[path]) as Record<string, { responses?: Record<string, unknown> }> | undefined)?.[method];
}

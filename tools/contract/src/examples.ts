import type { LoadedSpec } from "@signhub/codegen";

type MediaType = { example?: unknown; examples?: Record<string, unknown> };

/**
 * The JSON example a mock answers with for one response: the first of `examples`, else `example`.
 * `json` says whether the response has a JSON body at all (without an example, the mock makes one up).
 */
export function firstJsonExample(spec: LoadedSpec, response: unknown): { json: boolean; found: boolean; value?: unknown } {
  const content = (spec.deref(response) as { content?: Record<string, MediaType> }).content ?? {};
  const json = Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];
  if (!json) return { json: false, found: false };
  const named = Object.values(json.examples ?? {})[0];
  if (named !== undefined) return { json: true, found: true, value: (spec.deref(named) as { value?: unknown }).value };
  return "example" in json ? { json: true, found: true, value: json.example } : { json: true, found: false };
}

/** Every documented response of an operation, as `[status, response]`, numeric statuses only. */
export function documentedResponses(spec: LoadedSpec, method: string, path: string): [number, unknown][] {
  const paths = spec.doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  const op = (spec.deref(paths[path]) as Record<string, { responses?: Record<string, unknown> }>)[method];
  return Object.entries(op?.responses ?? {})
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, response]) => [Number(status), response]);
}

import type { LoadedSpec } from "./read-spec.js";
import { SpecError } from "./spec-error.js";

type ExampleObject = { value?: unknown; externalValue?: unknown };

/**
 * The value of an Example Object (`examples.<name>`, itself perhaps a `$ref`), with every `$ref` inside
 * `value` resolved as Prism resolves it (vendors write `value: { $ref: "#/components/examples/…/value" }`).
 * `undefined` for an example with only an `externalValue`. A `$ref` that resolves to nothing, or to itself,
 * is a `SpecError` naming the example.
 */
export function exampleValue(spec: LoadedSpec, example: unknown, where: string): unknown {
  try {
    const object = spec.deref(example) as ExampleObject | null;
    return resolveRefs(spec, object?.value, []);
  } catch (error) {
    const reason = error instanceof SpecError ? error.problems.join("; ") : error instanceof Error ? error.message : String(error);
    throw new SpecError(spec.file, `${where}: ${reason}`);
  }
}

/** A literal `example` (or a schema's), its `$ref`s resolved as in {@link exampleValue}. */
export function literalExample(spec: LoadedSpec, value: unknown, where: string): unknown {
  return exampleValue(spec, { value }, where);
}

/** The first example of a media type or parameter: the first of `examples`, else `example`; `found: false` when it has neither. */
export function firstExample(
  spec: LoadedSpec,
  holder: { example?: unknown; examples?: Record<string, unknown> | null } | null | undefined,
  where: string,
): { found: boolean; value?: unknown } {
  const [name, named] = Object.entries(holder?.examples ?? {})[0] ?? [];
  if (named !== undefined) {
    const object = spec.deref(named) as ExampleObject | null;
    if (object && "value" in object) return { found: true, value: exampleValue(spec, named, `${where}, example "${name}"`) };
  }
  if (holder && "example" in holder) return { found: true, value: literalExample(spec, holder.example, `${where}, example`) };
  return { found: false };
}

function resolveRefs(spec: LoadedSpec, value: unknown, seen: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(spec, item, seen));
  if (typeof value !== "object" || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    if (seen.includes(ref)) throw new Error(`its $ref ${ref} refers to itself`);
    return resolveRefs(spec, spec.deref(value), [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveRefs(spec, item, seen)]));
}

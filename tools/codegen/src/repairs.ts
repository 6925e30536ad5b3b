import { resolve } from "node:path";
import { lintProblems, type Problem } from "./baseline.js";
import type { ApiEntry } from "./config.js";
import { writeEffectiveSpec } from "./effective-spec.js";
import { appendOverlayActions, type OverlayAction } from "./overlay.js";
import { pointerSegments, readSpec } from "./read-spec.js";

/** A structural problem Redocly reported (`struct` rule): its JSON pointer into the linted document, and its message. */
export interface StructProblem {
  pointer: string;
  message: string;
}

/**
 * Overlay actions that rewrite the schema keywords a published spec borrowed from the other OpenAPI version
 * into the ones its own version defines, for the structural problems Redocly reported (`struct`), with the
 * meaning kept:
 *
 * | in a document of | written       | becomes                                                                          |
 * | ---------------- | ------------- | -------------------------------------------------------------------------------- |
 * | 3.1              | `nullable: true` | `"null"` added to `type` (and to `enum`), or a `{ type: "null" }` alternative to `anyOf`/`oneOf` |
 * | 3.1              | `exclusiveMinimum: true` (3.0's boolean) | `exclusiveMinimum: <minimum>` (JSON Schema 2020-12 §6.2.5), likewise maximum |
 * | 3.0              | `type: [T, "null"]` | `type: T, nullable: true`                                                  |
 * | 3.0              | `exclusiveMinimum: <n>` | `minimum: n, exclusiveMinimum: true`, likewise maximum                   |
 * | 3.0              | `examples: [v, …]` in a schema | `example: v`                                                    |
 * | 3.0              | `const: v`    | `enum: [v]`                                                                      |
 *
 * Sources: OpenAPI 3.0.3 §4.7.24 (Schema Object: `nullable`, the keywords taken from JSON Schema Wright-00),
 * OpenAPI 3.1.0 §4.8.24 (JSON Schema 2020-12; `nullable` removed). Problems of other kinds get no action:
 * they stay in lint's report for the user to fix in the overlay.
 */
export function structuralRepairs(doc: Record<string, unknown>, problems: readonly StructProblem[]): OverlayAction[] {
  const v31 = typeof doc.openapi === "string" && doc.openapi.startsWith("3.1");
  const actions: OverlayAction[] = [];
  const done = new Set<string>();
  for (const { pointer } of problems) {
    const segments = pointerSegments(pointer);
    const keyword = segments.at(-1);
    const parentPath = segments.slice(0, -1);
    const schema = at(doc, parentPath);
    if (keyword === undefined || !isRecord(schema) || done.has(pointer)) continue;
    done.add(pointer);
    const parent = jsonPath(doc, parentPath);
    const value = schema[keyword];
    const repair = (description: string, update: Record<string, unknown> | undefined, ...removed: string[]) => {
      if (update && Object.keys(update).length) actions.push({ target: parent, description, update });
      for (const key of removed) actions.push({ target: jsonPath(doc, [...parentPath, key]), description, remove: true });
    };
    if (v31 && keyword === "nullable") {
      repair("OpenAPI 3.0's `nullable` in a 3.1 document, as 3.1 writes it", value === true ? nullableIn31(schema) : undefined, "nullable");
    } else if (v31 && (keyword === "exclusiveMinimum" || keyword === "exclusiveMaximum") && typeof value === "boolean") {
      const bound = keyword === "exclusiveMinimum" ? "minimum" : "maximum";
      const limit = schema[bound];
      if (value && typeof limit === "number") repair(`OpenAPI 3.0's boolean \`${keyword}\` in a 3.1 document, as 3.1 writes it`, { [keyword]: limit }, bound);
      else repair(`OpenAPI 3.0's boolean \`${keyword}\` in a 3.1 document, as 3.1 writes it`, undefined, keyword);
    } else if (!v31 && keyword === "type" && Array.isArray(value)) {
      const types = value.filter((type) => type !== "null");
      const nullable = types.length < value.length ? { nullable: true } : {};
      if (types.length === 1) repair("a 3.1 type list in a 3.0 document, as 3.0 writes it", { type: types[0], ...nullable });
      else repair("a 3.1 type list in a 3.0 document: 3.0 has no union of types, so any type", nullable, "type");
    } else if (!v31 && (keyword === "exclusiveMinimum" || keyword === "exclusiveMaximum") && typeof value === "number") {
      const bound = keyword === "exclusiveMinimum" ? "minimum" : "maximum";
      repair(`a 3.1 numeric \`${keyword}\` in a 3.0 document, as 3.0 writes it`, { [bound]: value, [keyword]: true });
    } else if (!v31 && keyword === "examples" && Array.isArray(value)) {
      repair("a 3.1 schema `examples` list in a 3.0 document, as 3.0 writes it", value.length ? { example: value[0] } : undefined, "examples");
    } else if (!v31 && keyword === "const") {
      repair("a 3.1 `const` in a 3.0 document, as 3.0 writes it", { enum: [value] }, "const");
    } else {
      done.delete(pointer);
    }
  }
  return actions;
}

/** What `nullable: true` adds to a 3.1 schema: `null` among its types, its enum, or its alternatives. */
function nullableIn31(schema: Record<string, unknown>): Record<string, unknown> | undefined {
  const update: Record<string, unknown> = {};
  // Overlay 1.0 merges an update: a value replaces a value, a list is appended to a list.
  if (typeof schema.type === "string") update.type = [schema.type, "null"];
  else if (Array.isArray(schema.type) && !schema.type.includes("null")) update.type = ["null"];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) update.enum = [null];
  if (schema.type === undefined) {
    for (const key of ["anyOf", "oneOf"] as const) if (Array.isArray(schema[key])) update[key] = [{ type: "null" }];
  }
  return update;
}

function at(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const segment of path) node = Array.isArray(node) ? node[Number(segment)] : isRecord(node) ? node[segment] : undefined;
  return node;
}

/** The JSONPath (RFC 9535: single-quoted name selectors, index selectors for arrays) of a node of `doc`. */
function jsonPath(doc: unknown, path: readonly string[]): string {
  let node = doc;
  let out = "$";
  for (const segment of path) {
    if (Array.isArray(node)) {
      out += `[${Number(segment)}]`;
      node = node[Number(segment)];
    } else {
      out += `['${segment.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Overlay actions that define, as any value (`{}`), each schema a local `$ref` names that the spec does not
 * define (`#/components/schemas/<name>`), for the `no-unresolved-refs` problems Redocly reported: what the
 * vendor's generator meant is unknown, so the schema accepts everything. Other dangling references get no
 * action: they stay in lint's report for the user to fix in the overlay.
 */
export function danglingSchemaRepairs(doc: Record<string, unknown>, pointers: readonly string[]): OverlayAction[] {
  const missing = new Set<string>();
  for (const pointer of pointers) {
    const node = at(doc, pointerSegments(pointer));
    const ref = isRecord(node) && typeof node.$ref === "string" ? node.$ref : undefined;
    const [components, schemas, name, ...more] = ref?.startsWith("#") ? pointerSegments(ref) : [];
    if (components === "components" && schemas === "schemas" && name !== undefined && !more.length) missing.add(name);
  }
  if (!missing.size) return [];
  const schemas = Object.fromEntries([...missing].map((name) => [name, {}]));
  const components = doc.components;
  const [target, update] = !isRecord(components)
    ? ["$", { components: { schemas } }]
    : isRecord(components.schemas)
      ? ["$.components.schemas", schemas]
      : ["$.components", { schemas }];
  return [{ target, description: `schemas the spec refers to but does not define (${[...missing].join(", ")}): any value`, update }];
}

/**
 * Appends to the overlay the actions that rewrite schema keywords of the other OpenAPI version (3.0's
 * `nullable` in a 3.1 document, say), which Redocly's `struct` rule reports, then writes the effective
 * document again. Returns how many problems were repaired.
 */
export async function repairStructure(root: string, api: ApiEntry): Promise<{ repaired: number; problems?: Problem[] }> {
  if (!api.vendor) return { repaired: 0 };
  const effective = resolve(api.spec);
  const found = lintProblems(root, api);
  const at = (rule: string) =>
    found
      .filter((problem) => problem.ruleId === rule)
      .flatMap((problem) =>
        problem.location
          .filter((where) => resolve(root, where.source.ref) === effective)
          .map((where) => ({ pointer: where.pointer, message: problem.message })),
      );
  const doc = readSpec(api.spec).doc;
  const struct = at("struct");
  const dangling = at("no-unresolved-refs").map((problem) => problem.pointer);
  const actions = [...structuralRepairs(doc, struct), ...danglingSchemaRepairs(doc, dangling)];
  // Nothing to repair: the lint report still describes the effective document, for the baseline.
  if (!actions.length) return { repaired: 0, problems: found };
  appendOverlayActions(
    api.vendor.overlay,
    actions,
    " Written by signhub-codegen: keywords of the other OpenAPI version, as the spec's own version writes them (Redocly's\n struct rule), and schemas the spec names but does not define (no-unresolved-refs).",
  );
  await writeEffectiveSpec(root, api);
  return { repaired: actions.length };
}

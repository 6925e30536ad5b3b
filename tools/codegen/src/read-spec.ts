import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { SpecError } from "./spec-error.js";

/** A parsed spec and a resolver for the `$ref`s in it (local pointers and other files). */
export interface LoadedSpec {
  file: string;
  doc: Record<string, unknown>;
  deref<T>(value: T | { $ref: string }): T;
}

/**
 * Parses a YAML or JSON spec; syntax errors name the file and line. `parsed` is `file`'s document when the
 * caller has it already (a vendor's effective spec, just written): it is used as it is, not read again.
 */
export function readSpec(file: string, parsed?: Record<string, unknown>): LoadedSpec {
  const cache = new Map<string, unknown>(parsed ? [[file, parsed]] : []);
  // The file each node of another file came from: a relative `$ref` inside it resolves against that file
  // (RFC 3986 §5.1.3, the retrieval URI), not against the root spec. Nodes of the root file are not listed.
  const origin = new WeakMap<object, string>();
  const load = (path: string): unknown => {
    if (!cache.has(path)) {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        throw new SpecError(file, `cannot read ${path}`);
      }
      const node = parseSpecText(text, path);
      if (path !== file) markOrigin(node, path, origin);
      cache.set(path, node);
    }
    return cache.get(path);
  };
  const doc = load(file) as Record<string, unknown>;
  if (typeof doc !== "object" || doc === null) throw new SpecError(file, "not an OpenAPI document");

  const resolveRef = (ref: string, base: string, seen: Set<string>): unknown => {
    const [target = "", pointer = ""] = ref.split("#");
    const path = target ? resolve(dirname(base), target) : base;
    const key = `${path}#${pointer}`;
    if (seen.has(key)) throw new SpecError(file, `circular $ref ${ref}`);
    seen.add(key);
    let node = load(path);
    for (const name of pointerSegments(pointer)) {
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[name] : undefined;
      if (node === undefined) throw new SpecError(file, `unresolved $ref ${ref}`);
    }
    const inner = (node as { $ref?: unknown }).$ref;
    return typeof inner === "string" ? resolveRef(inner, path, seen) : node;
  };

  return {
    file,
    doc,
    deref<T>(value: T | { $ref: string }): T {
      const ref = (value as { $ref?: unknown })?.$ref;
      return (typeof ref === "string" ? resolveRef(ref, origin.get(value as object) ?? file, new Set()) : value) as T;
    },
  };
}

/**
 * The names a JSON pointer in a URI fragment steps through (RFC 6901 §6: percent-decoded, then `~1` → `/` and
 * `~0` → `~`): `#/paths/~1a%7Bb%7D/get` → `["paths", "/a{b}", "get"]`; a leading `#` is optional.
 */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // Not percent-encoded after all.
      }
      return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
    });
}

function markOrigin(node: unknown, path: string, origin: WeakMap<object, string>): void {
  if (typeof node !== "object" || node === null || origin.has(node)) return;
  origin.set(node, path);
  for (const value of Object.values(node)) markOrigin(value, path, origin);
}

/**
 * A document as Redocly reads it (its `parseYaml`, so lint, bundling and codegen agree on every value);
 * JSON, a subset of YAML, through `JSON.parse`, dozens of times faster on a large published spec.
 */
export function parseSpecText(text: string, path: string): unknown {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all: a YAML flow collection, or broken; the YAML parser says which and where.
    }
  }
  try {
    return parseYaml(text, { filename: path });
  } catch (error) {
    throw new SpecError(path, `not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

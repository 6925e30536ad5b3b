import type { ProviderError } from "./client.js";

/** Where a provider's error body keeps its code and its words: dotted paths (an array's item by its index, `errors.0.code`), the first present one wins. */
export interface ErrorFieldPaths {
  code: string | readonly string[];
  message: string | readonly string[];
}

/** A `parseError` reading a provider's error body by path, e.g. `errorFields({ code: "data.reason", message: "data.detail" })`. */
export function errorFields(paths: ErrorFieldPaths): (body: unknown) => ProviderError {
  const compile = (spec: string | readonly string[]) => (typeof spec === "string" ? [spec] : spec).map((path) => path.split("."));
  const codePaths = compile(paths.code);
  const messagePaths = compile(paths.message);
  return (body) => ({ code: firstText(body, codePaths), message: firstText(body, messagePaths) });
}

function firstText(body: unknown, paths: string[][]): string | undefined {
  for (const path of paths) {
    let node = body;
    for (const key of path) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    if (typeof node === "string" && node !== "") return node;
    if (typeof node === "number") return String(node);
  }
  return undefined;
}

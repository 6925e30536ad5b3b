import { defaultPathSerializer, type PathSerializer } from "openapi-fetch";

// Bounded: a client sees one entry per operation (per base URL), far fewer than this.
const MAX_TEMPLATES = 256;

/**
 * openapi-fetch's path serializer, with each URL template split once instead of matched by a regular
 * expression on every call. Simple-style primitive parameters (all any spec here uses) take the fast
 * path; label, matrix, exploded and object or array values go to openapi-fetch's own serializer.
 */
export function createPathSerializer(): PathSerializer {
  const templates = new Map<string, string[] | null>();
  return (pathname, params) => {
    let parts = templates.get(pathname);
    if (parts === undefined) {
      parts = compile(pathname);
      if (templates.size < MAX_TEMPLATES) templates.set(pathname, parts);
    }
    if (parts === null) return defaultPathSerializer(pathname, params);
    let url = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params[name];
      if (typeof value === "object" && value !== null) return defaultPathSerializer(pathname, params);
      url += value === undefined || value === null ? `{${name}}` : encodeURIComponent(value as string | number | boolean);
      url += parts[i + 1]!;
    }
    return url;
  };
}

/** `/a/{x}/b` → `["/a/", "x", "/b"]`; `null` when a parameter uses another style. */
function compile(pathname: string): string[] | null {
  const parts = pathname.split(/\{([^{}]+)\}/);
  for (let i = 1; i < parts.length; i += 2) if (/^[.;]|\*$/.test(parts[i]!)) return null;
  return parts;
}

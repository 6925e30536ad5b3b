import { defaultPathSerializer, type PathSerializer } from "openapi-fetch";

// Bounded: a client sees one entry per operation (per base URL), far fewer than this.
const MAX_TEMPLATES = 256;

/** A URL template with its path parameters filled in, as openapi-fetch's path serializer fills them. */
export type PathFiller = (params: Record<string, unknown>) => string;

/**
 * openapi-fetch's path serializer for one URL template, the template split once instead of matched by a
 * regular expression on every call. Simple-style primitive parameters (all any spec here uses) take the
 * fast path; label, matrix, exploded and object or array values go to openapi-fetch's own serializer.
 */
export function compilePathTemplate(template: string): PathFiller {
  const parts = template.split(/\{([^{}]+)\}/);
  for (let i = 1; i < parts.length; i += 2) {
    if (/^[.;]|\*$/.test(parts[i]!)) return (params) => defaultPathSerializer(template, params);
  }
  return (params) => {
    let url = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params[name];
      if (typeof value === "object" && value !== null) return defaultPathSerializer(template, params);
      url += value === undefined || value === null ? `{${name}}` : encode(value as string | number | boolean);
      url += parts[i + 1]!;
    }
    return url;
  };
}

// What encodeURIComponent leaves as it is: such values (ids, mostly) need no call to it.
const UNRESERVED = /^[\w.!~*'()-]*$/;
const encode = (value: string | number | boolean) => {
  const text = String(value);
  return UNRESERVED.test(text) ? text : encodeURIComponent(text);
};

/** openapi-fetch's path serializer, each template compiled once (see `compilePathTemplate`). */
export function createPathSerializer(): PathSerializer {
  const templates = new Map<string, PathFiller>();
  return (template, params) => {
    let fill = templates.get(template);
    if (fill === undefined) {
      fill = compilePathTemplate(template);
      if (templates.size < MAX_TEMPLATES) templates.set(template, fill);
    }
    return fill(params);
  };
}

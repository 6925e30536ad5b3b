import { commentText } from "./emit.js";
import type { LoadedSpec } from "./read-spec.js";

/** What a provider's `src/index.ts` is wired with, read from its spec. */
export interface ClientWiring {
  /** A server URL with its variables at their defaults; undefined when the spec gives none (the caller passes `baseUrl`). */
  baseUrl: string | undefined;
  /** The security schemes operations ask for that core has a factory for, the most used first. */
  schemes: SchemeWiring[];
  /** Schemes operations ask for that core cannot send (mutualTLS, HTTP schemes other than basic and bearer). */
  otherSchemes: string[];
  /** Whether every operation asks for credentials (none has `security: []`, a `{}` alternative, or no requirement at all). */
  credentialsRequired: boolean;
  /** Where an error body keeps its code and its message (dotted paths). */
  errorFields: { code: string[]; message: string[] };
}

/** One security scheme (its name in `components.securitySchemes`) as core sends it. */
export type SchemeWiring =
  | { kind: "bearer"; scheme: string }
  | { kind: "basic"; scheme: string }
  | { kind: "apiKey"; scheme: string; in: "header" | "query" | "cookie"; name: string };

type Scheme = { type?: string; scheme?: string; in?: string; name?: string };
type Schema = { type?: unknown; properties?: Record<string, unknown>; items?: unknown; allOf?: unknown[] };
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// An error body's field names by what they hold, the likeliest first, matched ignoring case, `_` and `-`
// (`error_code`, `errorCode`, `ErrorCode`). A string `error` is the code beside a message (OAuth 2.0's
// `error` and `error_description`, RFC 6749 §5.2), else the message.
const codeNames = [/^(error|err)?code$/, /^(error|err)(name|type|key|id)$/, /^id$/, /^reason$/, /^type$/, /^status(code)?$/, /^error$/, /^name$/];
const messageNames = [/^(error|err)?(message|msg)$/, /^(errordescription|(error)?detail)$/, /^title$/, /^description$/, /^error$/];

/** Reads servers, security and error bodies from a spec for a new provider's `src/index.ts`. */
export function readClientWiring(spec: LoadedSpec): ClientWiring {
  const doc = spec.doc as {
    servers?: unknown;
    security?: unknown;
    paths?: Record<string, unknown>;
    components?: { securitySchemes?: Record<string, unknown> };
  };
  const operations = Object.entries(doc.paths ?? {})
    .filter(([path]) => path.startsWith("/"))
    .flatMap(([, item]) => {
      const pathItem = (spec.deref(item) ?? {}) as Record<string, unknown>;
      return methods.flatMap((method) => (pathItem[method] ? [pathItem[method] as { security?: unknown; responses?: Record<string, unknown> }] : []));
    });

  // Every scheme operations' requirements name (their own `security`, else the document's), the most used first.
  const uses = new Map<string, number>();
  let credentialsRequired = true;
  for (const op of operations) {
    const requirements = (Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : []) as Record<string, unknown>[];
    if (!requirements.length || requirements.some((requirement) => Object.keys(requirement ?? {}).length === 0)) credentialsRequired = false;
    for (const name of new Set(requirements.flatMap((requirement) => Object.keys(requirement ?? {})))) uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  const declared = doc.components?.securitySchemes ?? {};
  const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const schemes = ranked.map((name) => toScheme(name, spec.deref(declared[name]) as Scheme | undefined)).filter((scheme) => scheme !== undefined);

  return {
    baseUrl: firstServer(doc.servers),
    schemes,
    otherSchemes: ranked.filter((name) => !schemes.some((scheme) => scheme.scheme === name)),
    credentialsRequired,
    errorFields: readErrorFields(spec, operations),
  };
}

function toScheme(name: string, scheme: Scheme | undefined): SchemeWiring | undefined {
  if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer") return { kind: "bearer", scheme: name };
  if (scheme?.type === "oauth2" || scheme?.type === "openIdConnect") return { kind: "bearer", scheme: name };
  if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "basic") return { kind: "basic", scheme: name };
  if (scheme?.type === "apiKey" && (scheme.in === "header" || scheme.in === "query" || scheme.in === "cookie") && scheme.name) {
    return { kind: "apiKey", scheme: name, in: scheme.in, name: scheme.name };
  }
  return undefined;
}

/** The first server's URL, its variables at their defaults; a relative or default-less one gives undefined. */
function firstServer(servers: unknown): string | undefined {
  const server = (Array.isArray(servers) ? servers[0] : undefined) as { url?: unknown; variables?: Record<string, { default?: unknown }> } | undefined;
  if (typeof server?.url !== "string") return undefined;
  let complete = true;
  const url = server.url.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const value = server.variables?.[name]?.default;
    if (typeof value !== "string") complete = false;
    return typeof value === "string" ? value : "";
  });
  return complete && /^https?:\/\//.test(url) ? url.replace(/\/$/, "") : undefined;
}

/**
 * The code and message fields of the error responses' JSON schemas (4XX, 5XX, default), at the top and in
 * an `error` object or the first item of an `errors` array (`error.code`, `errors.0.message`).
 */
function readErrorFields(spec: LoadedSpec, operations: { responses?: Record<string, unknown> }[]): ClientWiring["errorFields"] {
  const code = new Set<string>();
  const message = new Set<string>();
  for (const op of operations) {
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      if (!/^[45]|^default$/i.test(status)) continue;
      const content = (spec.deref(response) as { content?: Record<string, { schema?: unknown }> } | undefined)?.content ?? {};
      for (const [type, media] of Object.entries(content)) {
        if (!/json/i.test(type) || media?.schema === undefined) continue;
        const fields = propertiesOf(spec, media.schema);
        const scopes: [string, Record<string, unknown>][] = [["", fields]];
        for (const [name, field] of Object.entries(fields)) {
          if (!/^errors?$/i.test(name)) continue;
          const schema = spec.deref(field) as Schema | undefined;
          if (schema?.properties || schema?.allOf) scopes.push([`${name}.`, propertiesOf(spec, schema)]);
          else if (schema?.items) scopes.push([`${name}.0.`, propertiesOf(spec, schema.items)]);
        }
        for (const [prefix, scope] of scopes) {
          const found = errorFieldsOf(spec, scope, prefix !== "");
          if (found.code) code.add(prefix + found.code);
          if (found.message) message.add(prefix + found.message);
        }
      }
    }
  }
  return { code: code.size ? [...code] : ["code"], message: message.size ? [...message] : ["message"] };
}

/**
 * The names of an object's code and message fields, of those holding a value (not an object or an array). A
 * code is text: a number (an HTTP status repeated, as Ory's `error.code`) ranks after every text field; an
 * `id` is a code only inside an `error` object (Ory's `error.id`: `session_inactive`), never at the top.
 */
function errorFieldsOf(spec: LoadedSpec, fields: Record<string, unknown>, nested: boolean): { code?: string; message?: string } {
  const typesOf = (name: string) => {
    const schema = spec.deref(fields[name]) as Schema | undefined;
    return { schema, types: (Array.isArray(schema?.type) ? schema.type : [schema?.type]) as unknown[] };
  };
  const values = Object.keys(fields).filter((name) => {
    const { schema, types } = typesOf(name);
    return !schema?.properties && !schema?.items && !schema?.allOf && !types.includes("object") && !types.includes("array");
  });
  const best = (patterns: RegExp[], except?: string, textFirst = false) => {
    const ranked = values
      .filter((name) => name !== except && (nested || name.toLowerCase() !== "id"))
      .map((name) => {
        const rank = patterns.findIndex((p) => p.test(name.replace(/[_-]/g, "").toLowerCase()));
        const numeric = typesOf(name).types.some((type) => type === "integer" || type === "number");
        return { name, rank: rank >= 0 && textFirst && numeric ? rank + patterns.length : rank };
      });
    return ranked.filter(({ rank }) => rank >= 0).sort((a, b) => a.rank - b.rank)[0]?.name;
  };
  const message = best(messageNames);
  return { code: best(codeNames, message, true), message };
}

function propertiesOf(spec: LoadedSpec, schema: unknown): Record<string, unknown> {
  const resolved = spec.deref(schema) as Schema | undefined;
  const own = resolved?.properties ?? {};
  return Object.assign({}, ...(resolved?.allOf ?? []).map((part) => propertiesOf(spec, part)), own);
}

/** The source of `src/index.ts`, wired as `wiring` says. */
export function clientSource(name: string, title: string, factory: string, type: string, wiring: ClientWiring): string {
  const { baseUrl, schemes, otherSchemes, errorFields } = wiring;
  const options = credentialOptions(schemes, name);
  // One scheme every operation asks for is a required option; otherwise each is optional, sent where asked for.
  const single = options.length === 1 && wiring.credentialsRequired ? options[0] : undefined;
  const imports = [
    "type ClientOptions",
    "createOperations",
    "errorFields",
    "type SignhubClient",
    ...new Set(options.map((option) => option.factory)),
    ...(options.some((option) => option.scheme.kind === "bearer") ? ["type TokenSource"] : []),
    ...(options.length && !single ? ["securitySchemes"] : []),
  ];
  const others = otherSchemes.length
    ? `      // The spec also names ${commentText(otherSchemes.join(", "))}, which signhub does not send: an operation asking for one of them is
      // sent as the caller sends it (a header in \`headers\`, the dispatcher's TLS client certificate).
`
    : "";
  const list = (paths: string[]) => (paths.length === 1 ? JSON.stringify(paths[0]) : JSON.stringify(paths));
  const auth = single
    ? `      auth: ${single.value},
`
    : options.length
      ? `      auth: securitySchemes({
${options
  .map(
    (option) => `        ${JSON.stringify(option.scheme.scheme)}: ${option.name} === undefined ? undefined : ${option.value},
`,
  )
  .join("")}      }),
`
      : "";
  const fields = options
    .map(
      (option) => `  /** ${commentText(option.doc)} */
  ${option.name}${single ? "" : "?"}: ${option.type};
`,
    )
    .join("");
  return `import { ${imports.sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from "@signhub/core";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of \`${factory}\`. */
export interface ${type}Options extends ClientOptions {
${baseUrl ? "" : "  /** The API's base URL (the spec gives no server with a default). */\n  baseUrl: string;\n"}${fields}}

/** A client of the ${commentText(title)} API: one method per operation, plus \`raw\`. */
export type ${type} = SignhubClient<paths, typeof operationTable>;

/** Typed client for the ${commentText(title)} API.${options.length && !single ? " Each operation is sent with the first of its security requirements whose credentials the client holds." : ""} */
export function ${factory}(options: ${type}Options${baseUrl && !single ? " = {}" : ""}): ${type} {
  const { ${options.map((option) => `${option.name}, `).join("")}...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "${name}",
      title: ${JSON.stringify(title)},
      baseUrl: ${baseUrl ? JSON.stringify(baseUrl) : "options.baseUrl"},
${auth}${others}      parseError: errorFields({ code: ${list(errorFields.code)}, message: ${list(errorFields.message)} }),
    },
    rest,
  );
}
`;
}

/** An option of the client for one scheme's credentials, and the core factory that sends them. */
export interface CredentialOption {
  scheme: SchemeWiring;
  /** The option's name: by kind (`accessToken`, `credentials`, `apiKey`) when no other scheme is of its kind, else by the scheme's name. */
  name: string;
  type: string;
  doc: string;
  factory: "bearerAuth" | "basicAuth" | "apiKeyAuth";
  /** The expression that makes the scheme's `Auth` from the option. */
  value: string;
}

// Names a credential option may not take: ClientOptions' own, and the wiring's locals.
const takenNames = new Set([
  "baseUrl",
  "maxRetries",
  "timeoutMs",
  "maxResponseBytes",
  "headers",
  "secretHeaders",
  "dispatcher",
  "fetch",
  "middleware",
  "options",
  "rest",
]);

/** One option per scheme, in the order given, named so that none collides. */
export function credentialOptions(schemes: readonly SchemeWiring[], provider: string): CredentialOption[] {
  const kindName = { bearer: "accessToken", basic: "credentials", apiKey: "apiKey" } as const;
  const alone = (kind: SchemeWiring["kind"]) => schemes.filter((scheme) => scheme.kind === kind).length === 1;
  const used = new Set(takenNames);
  return schemes.map((scheme) => {
    let name = alone(scheme.kind) ? kindName[scheme.kind] : camelCase(scheme.scheme);
    if (used.has(name)) name = `${name}Credentials`;
    for (let n = 2; used.has(name); n++) name = `${name.replace(/\d+$/, "")}${n}`;
    used.add(name);
    const p = JSON.stringify(provider);
    if (scheme.kind === "bearer") {
      return {
        scheme,
        name,
        type: "TokenSource",
        doc: `A bearer token (the spec's \`${scheme.scheme}\` scheme), or a function returning one (asked per request, and again after a 401).`,
        factory: "bearerAuth",
        value: `bearerAuth(${name}, ${p})`,
      };
    }
    if (scheme.kind === "basic") {
      return {
        scheme,
        name,
        type: "{ username: string; password: string }",
        doc: `HTTP basic credentials (the spec's \`${scheme.scheme}\` scheme, RFC 7617).`,
        factory: "basicAuth",
        value: `basicAuth(${name}, ${p})`,
      };
    }
    return {
      scheme,
      name,
      type: "string",
      doc: `The API key of the spec's \`${scheme.scheme}\` scheme, sent in the ${scheme.in} ${JSON.stringify(scheme.name)}.`,
      factory: "apiKeyAuth",
      value: `apiKeyAuth({ in: ${JSON.stringify(scheme.in)}, name: ${JSON.stringify(scheme.name)}, key: ${name} }, ${p})`,
    };
  });
}

/** `api_key` → `apiKey`, `X-Partner-Key` → `xPartnerKey`, `2fa` → `_2fa`: a JavaScript identifier. */
function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, i) => (i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1))).join("");
  return /^[A-Za-z_$]/.test(joined) ? joined : `_${joined || "scheme"}`;
}

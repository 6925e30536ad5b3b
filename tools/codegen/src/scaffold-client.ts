import type { LoadedSpec } from "./read-spec.js";

/** What a provider's `src/index.ts` is wired with, read from its spec. */
export interface ClientWiring {
  /** A server URL with its variables at their defaults; undefined when the spec gives none (the caller passes `baseUrl`). */
  baseUrl: string | undefined;
  /** The credentials the client asks for, from the scheme most operations require; undefined when none is required. */
  auth: AuthWiring | undefined;
  /** Schemes the spec also offers that the client leaves to `headers` (core's `auth` takes one). */
  otherSchemes: string[];
  /** Where an error body keeps its code and its message (dotted paths). */
  errorFields: { code: string[]; message: string[] };
}

/** One security scheme as the scaffold wires it. */
export type AuthWiring =
  | { kind: "bearer"; scheme: string }
  | { kind: "basic"; scheme: string }
  | { kind: "apiKey"; scheme: string; in: "header" | "query" | "cookie"; name: string };

type Scheme = { type?: string; scheme?: string; in?: string; name?: string };
type Schema = { properties?: Record<string, unknown>; allOf?: unknown[] };
const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const codeNames = ["code", "error_code", "errorCode", "reason", "type", "status"];
const messageNames = ["message", "error_description", "detail", "title", "msg", "description", "error"];

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

  // The scheme named by most operations' requirements (their own `security`, else the document's).
  const uses = new Map<string, number>();
  for (const op of operations) {
    const requirements = (Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : []) as Record<string, unknown>[];
    for (const name of new Set(requirements.flatMap((requirement) => Object.keys(requirement ?? {})))) uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  const schemes = doc.components?.securitySchemes ?? {};
  const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const wired = ranked.map((name) => toAuth(name, spec.deref(schemes[name]) as Scheme | undefined)).filter((auth) => auth !== undefined);
  const auth = wired[0];

  return {
    baseUrl: firstServer(doc.servers),
    auth,
    otherSchemes: ranked.filter((name) => name !== auth?.scheme),
    errorFields: readErrorFields(spec, operations),
  };
}

function toAuth(name: string, scheme: Scheme | undefined): AuthWiring | undefined {
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

/** The code and message fields of the error responses' JSON schemas (4XX, 5XX, default), nested `error` objects too. */
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
        const nested = fields.error !== undefined ? propertiesOf(spec, fields.error) : {};
        const pick = (names: string[], into: Set<string>, skip?: Set<string>) => {
          const top = names.find((name) => fields[name] !== undefined && !skip?.has(name) && !(name === "error" && Object.keys(nested).length));
          if (top) into.add(top);
          const inner = names.find((name) => nested[name] !== undefined);
          if (inner) into.add(`error.${inner}`);
        };
        pick(codeNames, code);
        pick(messageNames, message, code);
      }
    }
  }
  return { code: code.size ? [...code] : ["code"], message: message.size ? [...message] : ["message"] };
}

function propertiesOf(spec: LoadedSpec, schema: unknown): Record<string, unknown> {
  const resolved = spec.deref(schema) as Schema | undefined;
  const own = resolved?.properties ?? {};
  return Object.assign({}, ...(resolved?.allOf ?? []).map((part) => propertiesOf(spec, part)), own);
}

/** The source of `src/index.ts`, wired as `wiring` says. */
export function clientSource(name: string, title: string, factory: string, type: string, wiring: ClientWiring): string {
  const { baseUrl, auth, otherSchemes, errorFields } = wiring;
  const option = auth ? authOption(auth) : undefined;
  const imports = [
    "type ClientOptions",
    "createOperations",
    "errorFields",
    "type SignhubClient",
    ...(auth?.kind === "bearer" ? ["bearerAuth", "type TokenSource"] : []),
  ];
  const local = auth && auth.kind !== "bearer" ? `import { ${auth.kind === "basic" ? "basicAuth" : "apiKeyAuth"} } from "./auth.js";\n` : "";
  const others = otherSchemes.length ? `  // The spec also offers ${otherSchemes.join(", ")}: send those with \`headers\`.\n` : "";
  const list = (paths: string[]) => (paths.length === 1 ? JSON.stringify(paths[0]) : JSON.stringify(paths));
  return `import { ${imports.sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from "@signhub/core";
${local}import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of \`${factory}\`. */
export interface ${type}Options extends ClientOptions {
${baseUrl ? "" : "  /** The API's base URL (the spec gives no server with a default). */\n  baseUrl: string;\n"}${option ? `  /** ${option.doc} */\n  ${option.name}: ${option.type};\n` : ""}}

/** A client of the ${title} API: one method per operation, plus \`raw\`. */
export type ${type} = SignhubClient<paths, typeof operationTable>;

/** Typed client for the ${title} API. */
export function ${factory}(options: ${type}Options): ${type} {
  const { ${option ? `${option.name}, ` : ""}...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "${name}",
      title: ${JSON.stringify(title)},
      baseUrl: ${baseUrl ? JSON.stringify(baseUrl) : "options.baseUrl"},
${option ? `      auth: ${option.value},\n` : ""}${others}      parseError: errorFields({ code: ${list(errorFields.code)}, message: ${list(errorFields.message)} }),
    },
    rest,
  );
}
`;
}

function authOption(auth: AuthWiring): { name: string; type: string; doc: string; value: string } {
  if (auth.kind === "bearer") {
    return {
      name: "accessToken",
      type: "TokenSource",
      doc: `A bearer token (\`${auth.scheme}\`), or a function returning one (asked per request, and again after a 401).`,
      value: `bearerAuth(accessToken, "${auth.scheme}")`,
    };
  }
  if (auth.kind === "basic") {
    return {
      name: "credentials",
      type: "{ username: string; password: string }",
      doc: `HTTP basic credentials (\`${auth.scheme}\`).`,
      value: "basicAuth(credentials)",
    };
  }
  return {
    name: "apiKey",
    type: "string",
    doc: `The API key (\`${auth.scheme}\`), sent in the ${auth.in} ${JSON.stringify(auth.name)}.`,
    value: `apiKeyAuth(apiKey, ${JSON.stringify({ in: auth.in, name: auth.name })})`,
  };
}

/** `src/auth.ts` for the schemes @signhub/core has no factory for yet (basic, API keys), on core's public `Auth`. */
export function authSource(auth: AuthWiring): string | undefined {
  if (auth.kind === "basic") {
    return `import type { Auth } from "@signhub/core";

/** \`Authorization: Basic …\` (RFC 7617) on every attempt. */
export function basicAuth({ username, password }: { username: string; password: string }): Auth {
  const header = \`Basic \${Buffer.from(\`\${username}:\${password}\`, "utf8").toString("base64")}\`;
  return {
    refreshable: false,
    authorize: (request) => {
      request.headers.authorization = header;
    },
    secrets: () => [password, header],
  };
}
`;
  }
  if (auth.kind === "apiKey" && auth.in !== "query") {
    return `import type { Auth } from "@signhub/core";

/** An API key in a header, or in a cookie, on every attempt. */
export function apiKeyAuth(key: string, where: { in: "header" | "cookie"; name: string }): Auth {
  const name = where.name.toLowerCase();
  return {
    refreshable: false,
    authorize: (request) => {
      if (where.in === "header") request.headers[name] = key;
      else request.headers.cookie = [request.headers.cookie, \`\${where.name}=\${encodeURIComponent(key)}\`].filter(Boolean).join("; ");
    },
    secrets: () => [key, encodeURIComponent(key)],
  };
}
`;
  }
  if (auth.kind === "apiKey") {
    // Core's Auth sets headers only; a key in the query needs core to let auth add query parameters.
    return `import type { Auth } from "@signhub/core";

/**
 * An API key in the query (${JSON.stringify(auth.name)}). @signhub/core's \`Auth\` sets headers only, so this
 * cannot add it: pass it per call in \`params.query\` until core can.
 */
export function apiKeyAuth(key: string, _where: { in: "query"; name: string }): Auth {
  return { refreshable: false, authorize: () => {}, secrets: () => [key, encodeURIComponent(key)] };
}
`;
  }
  return undefined;
}

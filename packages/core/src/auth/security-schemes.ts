import type { Auth, AuthorizableRequest } from "./auth.js";

/** An operation's security requirements (OpenAPI 3.1 §4.8.30): alternatives, each the scheme names it needs together. */
export type SecurityRequirements = readonly (readonly string[])[];

/**
 * Credentials per security scheme, by the name `components.securitySchemes` gives it (OpenAPI 3.1 §4.8.7),
 * for an API whose operations ask for different schemes: `securitySchemes({ bearer: bearerAuth(token),
 * partnerKey: apiKeyAuth({ in: "header", name: "X-Partner-Key", key }) })`. A scheme left `undefined` is
 * one the client holds no credentials for.
 *
 * Each operation is sent with the first of its security requirements whose every scheme the client holds
 * (all of that requirement's schemes together, §4.8.30); an operation that also accepts no credentials
 * (`{}` among its requirements) is sent without when none is held, as is one that accepts schemes the
 * client was not given at all (not among `schemes`' keys: the caller sends those, by `headers` or a TLS
 * client certificate). When none of an operation's requirements is held otherwise, the call throws
 * `InvalidRequestError` naming them, and nothing is sent. A request
 * matching no operation (through `raw`) is sent with the first scheme held. Every held scheme's secrets are
 * scrubbed from every error.
 */
export function securitySchemes(schemes: Readonly<Record<string, Auth | undefined>>): Auth {
  const held = Object.entries(schemes).filter((entry): entry is [string, Auth] => entry[1] !== undefined);
  const chosen = new WeakMap<SecurityRequirements, Auth | string | undefined>();
  const all = held.map(([, auth]) => auth);
  return {
    refreshable: all.some((auth) => auth.refreshable),
    // The transport asks `select` for each request's own Auth: this one sets nothing itself.
    authorize: () => {},
    secrets: () => all.flatMap((auth) => auth.secrets()),
    select(security) {
      if (security === undefined) return held[0]?.[1];
      let auth = chosen.get(security);
      if (auth === undefined && !chosen.has(security)) {
        auth = choose(security);
        chosen.set(security, auth);
      }
      return auth;
    },
  };

  function choose(security: SecurityRequirements): Auth | string | undefined {
    for (const requirement of security) {
      if (requirement.length === 0) continue;
      const auths = requirement.map((name) => schemes[name]);
      if (auths.every((auth) => auth !== undefined)) return auths.length === 1 ? auths[0] : together(auths as Auth[]);
    }
    if (security.length === 0 || security.some((requirement) => requirement.length === 0)) return undefined;
    // Schemes the client was not given at all (mutualTLS, a scheme the spec forgot to define) are the caller's
    // to send, by `headers` or the dispatcher's TLS certificate.
    if (security.some((requirement) => requirement.every((name) => !Object.hasOwn(schemes, name)))) return undefined;
    const names = held.map(([name]) => name);
    return (
      `the operation needs credentials for ${security.map((requirement) => requirement.join(" + ")).join(" or ")}, ` +
      `and the client holds ${names.length ? `only ${names.join(", ")}` : "none"}`
    );
  }
}

/** Several schemes on one request, as a requirement naming them all asks (an API key and a bearer token, say). */
function together(auths: readonly Auth[]): Auth {
  const querying = auths.filter((auth) => auth.urlFor !== undefined);
  return {
    refreshable: auths.some((auth) => auth.refreshable),
    async authorize(request: AuthorizableRequest, context) {
      for (const auth of auths) await auth.authorize(request, context);
    },
    ...(querying.length ? { urlFor: (url: string) => querying.reduce((to, auth) => auth.urlFor!(to), url) } : {}),
    secrets: () => auths.flatMap((auth) => auth.secrets()),
  };
}

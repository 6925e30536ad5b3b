import type { HeaderReader } from "./received.js";
/** What replaces a secret wherever one would otherwise be shown. */
export const REDACTED = "[redacted]";

// Field and header names whose values are secrets, compared without case, `-` or `_`.
const secretNames = new Set([
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "apikey",
  "xapikey",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "token",
  "secret",
  "secretkey",
  "privatekey",
  "clientsecret",
  "password",
  "authsecret",
]);

// Endings that make any name a secret's: `x-auth-token`, `x-session-token`, `webhook_secret`, `db-password`…
const secretEndings = /(token|secret|password|apikey|privatekey|credentials?)$/;

// The CORS headers (Fetch standard §3.2.3) hold no secret, whatever their ending: `access-control-allow-credentials: true`.
const corsName = /^accesscontrol/;

const normalize = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/** Whether a field or header name holds a secret (`authSecret`, `Authorization`, `api_key`, `x-auth-token`…; no `access-control-*`). */
export function isSecretName(name: string, extra?: ReadonlySet<string>): boolean {
  const key = normalize(name);
  return (!corsName.test(key) && (secretNames.has(key) || secretEndings.test(key))) || (extra?.has(key) ?? false);
}

/** Normalizes extra secret field names once, for `redactBody`. */
export function secretNameSet(names: readonly string[] = []): ReadonlySet<string> {
  return new Set(names.map(normalize));
}

/** What replaces the parts of a body nested deeper than `MAX_BODY_DEPTH`. */
export const TOO_DEEP = "[nested too deep]";
/** How deep a redacted copy of a body goes; nothing a provider documents comes near it. */
export const MAX_BODY_DEPTH = 64;

/**
 * A copy of a parsed body with the values of secret fields replaced and known secrets scrubbed from
 * strings and keys. Keys stay own data properties (`__proto__` included); parts deeper than
 * `MAX_BODY_DEPTH` are replaced by `TOO_DEEP`, so that any body can be shown.
 */
export function redactBody(value: unknown, secrets: readonly string[] = [], extraNames?: ReadonlySet<string>, depth = 0): unknown {
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_BODY_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, secrets, extraNames, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const redacted = isSecretName(key, extraNames) && item !== null && item !== undefined ? REDACTED : redactBody(item, secrets, extraNames, depth + 1);
    Object.defineProperty(copy, scrubSecrets(key, secrets), { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Headers as a plain object: secret ones redacted, known secrets scrubbed from the others' names and values. */
export function redactHeaders(headers: HeaderReader, secrets: readonly string[] = []): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    // Defined, not assigned: a header named `__proto__` stays a header rather than setting the prototype.
    Object.defineProperty(plain, scrubSecrets(name, secrets), {
      value: isSecretName(name) ? REDACTED : scrubSecrets(value, secrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return plain;
}

/**
 * The secrets in a request's headers: the value of every header named like a secret or listed in `names`
 * (lower case), and the credential within it, which a server may echo alone — the token after an
 * `Authorization` scheme (`Bearer <token>`), each cookie's value.
 */
export function secretHeaderValues(headers: Readonly<Record<string, string>>, names?: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const name in headers) {
    if (!isSecretName(name) && !names?.has(name)) continue;
    const value = headers[name]!;
    values.push(value);
    const credentials = /^[!#$%&'*+.^_`|~0-9a-z-]+ +(\S.*)$/i.exec(value)?.[1];
    if (credentials !== undefined) values.push(credentials);
    if (name === "cookie") for (const cookie of value.split(";")) values.push(cookie.slice(cookie.indexOf("=") + 1).trim());
  }
  return values;
}

/** Replaces every occurrence of a known secret value in a text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    // Very short values would scrub ordinary words; no real credential is that short.
    if (secret.length >= 8 && scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}

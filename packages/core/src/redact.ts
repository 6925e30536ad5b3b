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

const normalize = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/** Whether a field or header name holds a secret (`authSecret`, `Authorization`, `api_key`…). */
export function isSecretName(name: string, extra?: ReadonlySet<string>): boolean {
  const key = normalize(name);
  return secretNames.has(key) || (extra?.has(key) ?? false);
}

/** Normalizes extra secret field names once, for `redactBody`. */
export function secretNameSet(names: readonly string[] = []): ReadonlySet<string> {
  return new Set(names.map(normalize));
}

/** A copy of a parsed body with the values of secret fields replaced and known secrets scrubbed from strings. */
export function redactBody(value: unknown, secrets: readonly string[] = [], extraNames?: ReadonlySet<string>): unknown {
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactBody(item, secrets, extraNames));
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretName(key, extraNames) && item !== null && item !== undefined ? REDACTED : redactBody(item, secrets, extraNames);
  }
  return copy;
}

/** Headers as a plain object, secret ones redacted. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = isSecretName(name) ? REDACTED : value;
  });
  return plain;
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

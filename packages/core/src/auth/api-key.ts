import { SignhubError } from "../errors.js";
import type { Auth } from "./auth.js";

/** Where an API key goes: OpenAPI 3.1 §4.8.27.1's `in` of an `apiKey` security scheme. */
export type ApiKeyLocation = "header" | "query" | "cookie";

/**
 * An API key on every attempt, as an `apiKey` security scheme places it (OpenAPI 3.1 §4.8.27): a header
 * named `name`, a query parameter (appended to the URL, percent-encoded), or a cookie (after any the request
 * already has). Throws `SignhubError` for an empty key or one with a control character. The key is scrubbed
 * from errors; a header named like a secret is, besides, never carried to another origin on a redirect.
 */
export function apiKeyAuth(options: { in: ApiKeyLocation; name: string; key: string }, provider?: string): Auth {
  const { name, key } = options;
  // The key is never quoted: it is the secret.
  if (typeof key !== "string" || key === "" || /\p{Cc}/u.test(key)) {
    throw new SignhubError("The API key must be a non-empty string without control characters", { provider });
  }
  // A header or cookie name is an HTTP token (RFC 9110 §5.1, RFC 6265 §4.1.1); a query name is percent-encoded.
  if (typeof name !== "string" || name === "" || (options.in !== "query" && !/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(name))) {
    throw new SignhubError(
      `The API key's ${options.in} name must be an HTTP token (a query name: any text), not ${JSON.stringify(String(name).slice(0, 40))}`,
      { provider },
    );
  }
  const secrets = () => [key];
  switch (options.in) {
    case "header": {
      const header = name.toLowerCase();
      return {
        refreshable: false,
        authorize: (request) => {
          request.headers[header] = key;
        },
        secrets,
      };
    }
    case "cookie": {
      const cookie = `${name}=${encodeURIComponent(key)}`;
      return {
        refreshable: false,
        authorize: (request) => {
          const given = request.headers.cookie;
          request.headers.cookie = given ? `${given}; ${cookie}` : cookie;
        },
        secrets: () => [key, encodeURIComponent(key)],
      };
    }
    case "query": {
      const pair = `${encodeURIComponent(name)}=${encodeURIComponent(key)}`;
      return {
        refreshable: false,
        authorize: () => {},
        urlFor: (url) => {
          const hash = url.indexOf("#");
          const base = hash === -1 ? url : url.slice(0, hash);
          return `${base}${base.includes("?") ? "&" : "?"}${pair}`;
        },
        secrets: () => [key, encodeURIComponent(key)],
      };
    }
    default:
      throw new SignhubError(`An API key goes in a header, a query parameter or a cookie, not ${JSON.stringify(String(options.in))}`, { provider });
  }
}

import { SignhubError } from "../errors.js";
import type { Auth } from "./auth.js";

/**
 * `Authorization: Basic <base64(user-id:password)>` on every attempt (RFC 7617 §2, UTF-8 as its `charset`
 * parameter says). Throws `SignhubError` for a user-id with a colon (§2: it could not be told from the
 * password) or a control character in either. The user-id, the password, their base64 and the header are
 * scrubbed from errors (as any secret, from 8 characters): some APIs take the key as the user-id with an
 * empty password (Stripe, Dropbox Sign).
 */
export function basicAuth(credentials: { username: string; password: string }, provider?: string): Auth {
  const { username, password } = credentials;
  // The values are never quoted: either may be a secret.
  if (typeof username !== "string" || username.includes(":") || /\p{Cc}/u.test(username)) {
    throw new SignhubError("The basic-auth user-id must be a string without a colon or control characters (RFC 7617 §2)", { provider });
  }
  if (typeof password !== "string" || /\p{Cc}/u.test(password)) {
    throw new SignhubError("The basic-auth password must be a string without control characters (RFC 7617 §2)", { provider });
  }
  const encoded = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  const header = `Basic ${encoded}`;
  return {
    refreshable: false,
    authorize: (request) => {
      request.headers.authorization = header;
    },
    secrets: () => [username, password, encoded, header],
  };
}

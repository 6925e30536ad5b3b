import { SignhubError } from "../errors.js";
import type { Auth, TokenSource } from "./auth.js";

// Every token handed out recently, so that errors of calls still in flight scrub theirs (a token function
// may return a new one per call); bounded so a long-lived client does not grow.
const REMEMBERED_TOKENS = 1024;

/**
 * `Authorization: Bearer <token>` on every attempt. A token function is called per request, and once
 * more with `forceRefresh: true` after a 401, when the request is tried again.
 */
export function bearerAuth(source: TokenSource, provider?: string): Auth {
  const seen: string[] = [];
  const remember = (token: string) => {
    if (seen.includes(token)) return token;
    if (seen.push(token) > REMEMBERED_TOKENS) seen.shift();
    return token;
  };
  const check = (token: unknown): string => {
    // The value is never quoted: a malformed token is still a secret.
    if (typeof token !== "string" || token === "" || /[\r\n\0]/.test(token)) {
      throw new SignhubError("The access token must be a non-empty string without line breaks", { provider });
    }
    return remember(token);
  };
  if (typeof source === "string") {
    const header = `Bearer ${check(source)}`;
    return {
      refreshable: false,
      authorize: (request) => {
        request.headers.authorization = header;
      },
      secrets: () => seen,
    };
  }
  return {
    refreshable: true,
    async authorize(request, { refresh }) {
      request.headers.authorization = `Bearer ${check(await source({ forceRefresh: refresh }))}`;
    },
    secrets: () => seen,
  };
}

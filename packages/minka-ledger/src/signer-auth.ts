import type { Auth, AuthorizableRequest } from "@signhub/core";
import { createLedgerJwt } from "./auth/create-ledger-jwt.js";
import type { LedgerJwtOptions, LedgerSigner } from "./auth/types.js";

// Tokens live a minute; keeping the last few is enough to scrub any that a server echoes back.
const REMEMBERED_TOKENS = 8;
const decoder = new TextDecoder();

/** `Authorization: Bearer <jwt>` signed by `signer` for each attempt, bound to its method, URL, body and `x-ledger`. */
export function ledgerSignerAuth(signer: LedgerSigner, options: LedgerJwtOptions & { ledger?: string | undefined }): Auth {
  const { ledger, ...jwtOptions } = options;
  const issued: string[] = [];
  return {
    refreshable: false,
    async authorize(request) {
      const token = await createLedgerJwt({ method: request.method, url: request.url, body: jsonBody(request), ledger }, signer, jwtOptions);
      if (issued.push(token) > REMEMBERED_TOKENS) issued.shift();
      request.headers.authorization = `Bearer ${token}`;
    },
    secrets: () => [signer.secretKey, ...issued],
  };
}

/** The request's JSON body, parsed, as the token's `hsh` binds it. */
function jsonBody(request: AuthorizableRequest): unknown {
  const { body } = request;
  if (body === null || body === undefined) return undefined;
  const text = typeof body === "string" ? body : body instanceof ArrayBuffer ? decoder.decode(body) : undefined;
  if (text === undefined) throw new TypeError("a Minka Ledger request body must be JSON");
  return text === "" ? undefined : JSON.parse(text);
}

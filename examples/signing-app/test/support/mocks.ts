import { generateKeyPair } from "@signhub/minka-ledger";
// The `signhubMocks` key that mock-setup.ts provides.
import type {} from "@signhub/mock";
import { inject } from "vitest";
import type { SigningAppConfig } from "../../src/index.js";

/** The base URL of a provider's mock, started by mock-setup.ts. */
export function mockUrl(provider: string): string {
  const url = inject("signhubMocks")[provider];
  if (url === undefined) throw new Error(`no mock of ${provider} was started: add it to test/mock-setup.ts`);
  return url;
}

/**
 * The `system` keys that sign the Minka mock's answers. The spec's examples copied from Minka's pages
 * (`updateSignerFactor`'s answer, the error bodies) are signed by the page's key; the others by signhub's
 * published TEST key, which is also the one the mock's `GET /signers/system` announces.
 */
export const MINKA_MOCK_SYSTEM_KEYS = ["bctQzN7mjMUNBIx4aSC8WYn03GJWoJjL/KrDb38oU5c=", "YrcJIkGzXkao6maM1dKeUcrCHcWxb8gXjDzRDehpyRc="] as const;

/** Test credentials: made up, and each checked never to appear in an error. */
export const TEST_SECRETS = {
  ignisignApiKey: "skv2_example_app_test_key_5f2c9e1a",
  nevisToken: "nevis-example-app-token-7d41b0",
  minkaSigner: { handle: "signing-app", ...generateKeyPair() },
} as const;

/** The app's configuration for the mocks: what production reads from its environment. */
export function mockConfig(): SigningAppConfig {
  return {
    ignisign: {
      baseUrl: mockUrl("ignisign"),
      apiKey: TEST_SECRETS.ignisignApiKey,
      appId: "appId_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b",
      appEnv: "DEVELOPMENT",
    },
    nevis: { baseUrl: mockUrl("nevis-idm"), accessToken: async () => TEST_SECRETS.nevisToken },
    minka: {
      baseUrl: mockUrl("minka-ledger"),
      ledger: "tesla-bank",
      signer: TEST_SECRETS.minkaSigner,
      trustedKeys: MINKA_MOCK_SYSTEM_KEYS,
    },
    plumery: { baseUrl: mockUrl("plumery-idp-connector") },
  };
}

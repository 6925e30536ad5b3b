import type { TokenSource } from "@signhub/core";
import { createIgnisignClient, type IgnisignAppEnv } from "@signhub/ignisign";
import { createMinkaLedgerClient, type LedgerSigner } from "@signhub/minka-ledger";
import { createNevisIdmClient } from "@signhub/nevis-idm";
import { createPlumeryIdpConnectorClient } from "@signhub/plumery-idp-connector";

/** Where, and as whom, the app calls each provider. */
export interface SigningAppConfig {
  ignisign: {
    /** @default Ignisign's API, https://api.ignisign.io */
    baseUrl?: string;
    apiKey: string;
    /** The application and environment every call is for: given once here, never per call. */
    appId: string;
    appEnv: IgnisignAppEnv;
  };
  nevis: {
    /** The deployment's origin, e.g. `https://api.<instance>.getnevis.net`. */
    baseUrl: string;
    accessToken: TokenSource;
  };
  minka: {
    /** The ledger API, e.g. `https://<ledger-host>/api/v2`. */
    baseUrl: string;
    ledger: string;
    /** The app's own ledger signer: signs each request's token and each record it writes. */
    signer: LedgerSigner;
    /** The ledger's `system` keys, pinned: every answer is verified against them. */
    trustedKeys: readonly string[];
  };
  plumery: {
    baseUrl: string;
    /** Only if the deployment's gateway asks for one; Plumery publishes no scheme. */
    accessToken?: TokenSource;
  };
}

/** One client per provider, configured once for the whole app. */
export function createSigningClients(config: SigningAppConfig) {
  const { ignisign, nevis, minka, plumery } = config;
  return {
    ignisign: createIgnisignClient({ baseUrl: ignisign.baseUrl, apiKey: ignisign.apiKey, appId: ignisign.appId, appEnv: ignisign.appEnv }),
    nevis: createNevisIdmClient({ baseUrl: nevis.baseUrl, accessToken: nevis.accessToken }),
    minka: createMinkaLedgerClient({ baseUrl: minka.baseUrl, ledger: minka.ledger, signer: minka.signer, trustedKeys: minka.trustedKeys }),
    plumery: createPlumeryIdpConnectorClient({ baseUrl: plumery.baseUrl, accessToken: plumery.accessToken }),
  };
}

/** The app's clients, as `createSigningClients` makes them. */
export type SigningClients = ReturnType<typeof createSigningClients>;

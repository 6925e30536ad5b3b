import { describeContract } from "@signhub/contract";
import { createPlumeryIdpConnectorClient, type PlumeryIdpConnectorClient } from "../../src/index.js";

const correlationId = "3f1c2b7e-8a4d-4e2b-9c6f-1d2e3f4a5b6c";
const header = { "X-Request-ID": "contract-req-1" };
const confirm = { correlationId, username: "jdoe", additionalDetails: { channel: "mobile" } };
const initiate = { correlationId, signatureContextData: { dataToSign: { username: "jdoe", action: "LOGIN", nonce: "b3c9e1f4-8f3a-4d2e-9c6b-1a2b3c4d5e6f" } } };

describeContract<PlumeryIdpConnectorClient>({
  provider: "plumery-idp-connector",
  client: (baseUrl) => createPlumeryIdpConnectorClient({ baseUrl, maxRetries: 0 }),
  calls: {
    initiateCustomSignature: (client, headers) => client.initiateCustomSignature({ params: { header }, body: initiate, headers }),
    confirmCustomSigning: (client, headers) => client.confirmCustomSigning({ params: { header }, body: confirm, headers }),
    initiateIdentityProviderAuthentication: (client, headers) =>
      client.initiateIdentityProviderAuthentication({ params: { header }, body: { correlationId, initAuthDetails: { channel: "web" } }, headers }),
    checkIdentityProviderAuthenticationStatus: (client, headers) =>
      client.checkIdentityProviderAuthenticationStatus({ params: { header, query: { correlationId } }, headers }),
  },
  // 400 and 500 answer { error, code }.
  codeOf: (body) => (body as { code?: string }).code,
});

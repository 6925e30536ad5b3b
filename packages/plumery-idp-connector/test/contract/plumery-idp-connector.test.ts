import { describeContract } from "@signhub/contract";
import { createPlumeryIdpConnectorClient, type PlumeryIdpConnectorClient } from "../../src/index.js";

const body = { correlationId: "3f1c2b7e-8a4d-4e2b-9c6f-1d2e3f4a5b6c", username: "jdoe", additionalDetails: { channel: "mobile" } };

describeContract<PlumeryIdpConnectorClient>({
  provider: "plumery-idp-connector",
  client: (baseUrl) => createPlumeryIdpConnectorClient({ baseUrl }),
  calls: {
    confirmCustomSigning: (client, headers) =>
      client.confirmCustomSigning({ params: { header: { "X-Request-ID": "contract-req-1" } }, body, headers }),
  },
  // 400 and 500 answer { error, code }.
  codeOf: (body) => (body as { code?: string }).code,
});

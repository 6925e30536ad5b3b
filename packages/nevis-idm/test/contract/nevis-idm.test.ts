import { describeContract } from "@signhub/contract";
import { createNevisIdmClient, type NevisIdmClient } from "../../src/index.js";

const path = { clientExtId: "client-123", userExtId: "user-123" };

describeContract<NevisIdmClient>({
  provider: "nevis-idm",
  client: (baseUrl) => createNevisIdmClient({ baseUrl, accessToken: async () => "nevis-contract-token", maxRetries: 0 }),
  calls: {
    createMobileSignature: (client, headers) =>
      client.createMobileSignature({
        params: { path },
        body: { identificator: "41791234567", msspIdentifier: "http://mssp.nevis.test/mssp", msisdn: "+41791234567" },
        headers,
      }),
    getMobileSignature: (client, headers) => client.getMobileSignature({ params: { path }, headers }),
    updateMobileSignature: (client, headers) =>
      client.updateMobileSignature({ params: { path }, body: { stateName: "active", version: 3, modificationComment: "reactivated" }, headers }),
    deleteMobileSignature: (client, headers) => client.deleteMobileSignature({ params: { path }, headers }),
  },
  // The error body is not published; the spec's examples carry no code.
  codeOf: () => undefined,
});

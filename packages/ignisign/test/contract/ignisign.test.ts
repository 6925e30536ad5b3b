import { describeContract } from "@signhub/contract";
import { createIgnisignClient, type IgnisignClient } from "../../src/index.js";

const path = { appId: "appId_4b8e6f1c", appEnv: "DEVELOPMENT", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" } as const;

describeContract<IgnisignClient>({
  provider: "ignisign",
  client: (baseUrl) => createIgnisignClient({ baseUrl, apiKey: "skv2_contract_test_key", maxRetries: 0 }),
  calls: {
    updateSigner: (client, headers) =>
      client.updateSigner({ params: { path }, body: { firstName: "Camille", email: "camille.martin@mail.test" }, headers }),
    regenerateSignerAuthSecret: (client, headers) => client.regenerateSignerAuthSecret({ params: { path }, headers }),
  },
  // Ignisign's error body: { message, timestamp, status, code, context }.
  codeOf: (body) => (body as { code?: string }).code,
});

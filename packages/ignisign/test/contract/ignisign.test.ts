import { describeContract } from "@signhub/contract";
import { createIgnisignClient, type IgnisignClient } from "../../src/index.js";

const app = { appId: "appId_4b8e6f1c", appEnv: "DEVELOPMENT" } as const;
const path = { ...app, signerId: "66a7b5c4e1f2a3b4c5d6e7f8" };
const signatureRequestId = "66a7c0d1e1f2a3b4c5d6e101";
const documentId = "66a7c2e3e1f2a3b4c5d6e201";

describeContract<IgnisignClient>({
  provider: "ignisign",
  client: (baseUrl) => createIgnisignClient({ baseUrl, apiKey: "skv2_contract_test_key", maxRetries: 0 }),
  calls: {
    // A phone number that is not E.164: the format is documented, not enforced (Ignisign's model checks only a string).
    createSigner: (client, headers) =>
      client.createSigner({ params: { path: app }, body: { firstName: "Camille", email: "camille.martin@mail.test", phoneNumber: "0612345678" }, headers }),
    getSignerSummary: (client, headers) => client.getSignerSummary({ params: { path }, headers }),
    getSignerWithDetails: (client, headers) => client.getSignerWithDetails({ params: { path }, headers }),
    updateSigner: (client, headers) => client.updateSigner({ params: { path }, body: { firstName: "Camille", email: "camille.martin@mail.test" }, headers }),
    regenerateSignerAuthSecret: (client, headers) => client.regenerateSignerAuthSecret({ params: { path }, headers }),
    revokeSigner: (client, headers) => client.revokeSigner({ params: { path }, headers }),
    initSignatureRequest: (client, headers) => client.initSignatureRequest({ params: { path: app }, body: {}, headers }),
    getSignatureRequestsStatus: (client, headers) =>
      client.getSignatureRequestsStatus({ params: { path: app }, body: { signatureRequestIds: [signatureRequestId] }, headers }),
    initializeDocument: (client, headers) =>
      client.initializeDocument({ params: { path: app }, body: { signatureRequestId, label: "Service agreement" }, headers }),
    provideDocumentContentFile: (client, headers) =>
      client.provideDocumentContentFile({
        params: { path: { documentId } },
        body: { file: new File(["%PDF-1.7"], "contract.pdf", { type: "application/pdf" }) },
        headers,
      }),
    updateSignatureRequest: (client, headers) =>
      client.updateSignatureRequest({
        params: { path: { signatureRequestId } },
        body: { title: "Service agreement", signerIds: [path.signerId], documentIds: [documentId] },
        headers,
      }),
    publishSignatureRequest: (client, headers) => client.publishSignatureRequest({ params: { path: { signatureRequestId } }, headers }),
    getSignatureRequestContext: (client, headers) => client.getSignatureRequestContext({ params: { path: { signatureRequestId } }, headers }),
    closeSignatureRequest: (client, headers) => client.closeSignatureRequest({ params: { path: { signatureRequestId } }, headers }),
    downloadSignatureByType: (client, headers) =>
      client.downloadSignatureByType({ params: { path: { documentId, signatureType: "PDF_WITH_SIGNATURES" } }, headers }),
  },
  // Ignisign's error body: { message, timestamp, status, code, context }.
  codeOf: (body) => (body as { code?: string }).code,
});

import { BadRequestError, NotFoundError } from "@signhub/core";
import { createIgnisignClient } from "@signhub/ignisign";
import { describe, expect, test } from "vitest";
import { createSigningClients, fetchSignedDocument, sendForSignature } from "../src/index.js";
import { recordRequests } from "./support/middleware.js";
import { mockConfig, TEST_SECRETS } from "./support/mocks.js";
import { expectNoSecrets } from "./support/no-secrets.js";

// The ids in the Ignisign spec's examples, which the mock answers with.
const signerId = "66a7b5c4e1f2a3b4c5d6e7f8";
const signatureRequestId = "66a7c0d1e1f2a3b4c5d6e101";
const documentId = "66a7c2e3e1f2a3b4c5d6e201";

const ignisign = () => createSigningClients(mockConfig()).ignisign;

describe("Ignisign: a document signed by one signer", () => {
  test("sendForSignature creates the signer and the request, uploads the PDF, adds both to the request and publishes it", async () => {
    // The app's client, recording what it sends.
    const { middleware, sent: requests } = recordRequests();
    const sent = await sendForSignature(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), {
      title: "Service agreement",
      signer: { firstName: "Camille", lastName: "Martin", email: "camille.martin@mail.test", externalId: "crm-customer-48213" },
      document: new File(["%PDF-1.7 service agreement"], "contract.pdf", { type: "application/pdf" }),
    });

    expect(sent.signerId).toBe(signerId);
    expect(sent.signatureRequestId).toBe(signatureRequestId);
    expect(sent.documentId).toBe(documentId);
    expect(sent.document).toMatchObject({ _id: documentId, status: "PROVIDED", fileName: "contract.pdf", mimeType: "application/pdf", signatureRequestId });
    expect(sent.draft).toMatchObject({ _id: signatureRequestId, status: "DRAFT", signerIds: [signerId], documentIds: [documentId] });
    expect(sent.published).toEqual({
      signatureRequestId,
      signersBySide: [{ signerId, signerExternalId: "crm-customer-48213" }],
      signersEmbedded: [],
    });
    // createSigner answers an `authSecret` (for embedded signing); the app keeps none of it.
    expect(JSON.stringify(sent)).not.toContain("authSecret");

    // Each step sent the ids the steps before it answered.
    const app = "/v4/applications/{appId}/envs/{appEnv}";
    expect(requests.map((r) => `${r.method} ${r.schemaPath}`)).toEqual([
      `POST ${app}/signers`,
      `POST ${app}/signature-requests`,
      `POST ${app}/init-documents`,
      "POST /v4/documents/{documentId}/file",
      "PUT /v4/signature-requests/{signatureRequestId}",
      "POST /v4/signature-requests/{signatureRequestId}/publish",
    ]);
    // appId and appEnv, given to the client once, are in every path that has them.
    expect(requests[0]!.path).toBe("/v4/applications/appId_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b/envs/DEVELOPMENT/signers");
    expect(requests[2]!.body).toEqual({ signatureRequestId, label: "contract.pdf" });
    const file = (requests[3]!.body as FormData).get("file") as File;
    expect([file.name, file.type, await file.text()]).toEqual(["contract.pdf", "application/pdf", "%PDF-1.7 service agreement"]);
    expect(requests[4]!.body).toEqual({ title: "Service agreement", signerIds: [signerId], documentIds: [documentId] });
  });

  test("fetchSignedDocument reads the COMPLETED status and downloads the PDF with signatures as a Blob", async () => {
    const outcome = await fetchSignedDocument(ignisign(), { signatureRequestId, documentId });

    expect(outcome.status).toBe("COMPLETED");
    expect(outcome.signedBy).toEqual([signerId]);
    expect(outcome.signedPdf).toBeInstanceOf(Blob);
    expect(await outcome.signedPdf?.text()).toBe("%PDF-1.7");
  });

  test("an unknown signature request is a NotFoundError with Ignisign's code, and the API key shows nowhere", async () => {
    const error = await ignisign()
      .getSignatureRequestContext({ params: { path: { signatureRequestId: "66a7c0d1e1f2a3b4c5d6e999" } }, headers: { Prefer: "code=404" } })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: "ignisign", status: 404, code: "SIGNATURE_REQUEST_NOT_FOUND" });
    expect((error as Error).message).toBe(
      "Ignisign 404 SIGNATURE_REQUEST_NOT_FOUND on GET /v4/signature-requests/{signatureRequestId}/context: Signature request not found",
    );
    expectNoSecrets(error, [TEST_SECRETS.ignisignApiKey]);
  });

  test("a request Ignisign cannot publish is a BadRequestError, its example picked with Prefer: example=", async () => {
    // 400 has three examples; `example=` picks one by its name in the spec.
    const error = await ignisign()
      .publishSignatureRequest({ params: { path: { signatureRequestId } }, headers: { Prefer: "code=400, example=cannotPublish" } })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: "CANNOT_PUBLISH_SIGNATURE_REQUEST",
      message: expect.stringContaining("Cannot publish signature request"),
    });
  });
});

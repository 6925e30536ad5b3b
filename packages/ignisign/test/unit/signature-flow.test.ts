import { describe, expect, test } from "vitest";
import { createIgnisignClient } from "../../src/index.js";

const apiKey = "skv2_development_4b8e6f1c_s3cr3tPart";
const app = "/v4/applications/appId_4b8e6f1c/envs/DEVELOPMENT";
const signerId = "66a7b5c4e1f2a3b4c5d6e7f8";
const signatureRequestId = "66a7c0d1e1f2a3b4c5d6e101";
const documentId = "66a7c2e3e1f2a3b4c5d6e201";
const signedPdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0xfe]);

/** What a fake Ignisign answers, by method and path, for one document signed by one signer. */
const answers: Record<string, () => Response> = {
  [`POST ${app}/signers`]: () => Response.json({ signerId, entityType: "NATURAL", success: true, alreadyExists: false }),
  [`POST ${app}/signature-requests`]: () => Response.json({ signatureRequestId }),
  [`POST ${app}/init-documents`]: () => Response.json({ documentId }),
  [`POST /v4/documents/${documentId}/file`]: () =>
    Response.json({
      _id: documentId,
      appId: "appId_4b8e6f1c",
      appEnv: "DEVELOPMENT",
      documentNature: "PDF",
      status: "PROVIDED",
      documentHash: "h",
      signatureRequestId,
    }),
  [`PUT /v4/signature-requests/${signatureRequestId}`]: () =>
    Response.json({ _id: signatureRequestId, appId: "appId_4b8e6f1c", appEnv: "DEVELOPMENT", signatureRequestType: "STANDARD", status: "DRAFT" }),
  [`POST /v4/signature-requests/${signatureRequestId}/publish`]: () =>
    Response.json({ signatureRequestId, signersBySide: [{ signerId, signerExternalId: "crm-48213" }] }),
  [`GET /v4/signature-requests/${signatureRequestId}/context`]: () =>
    Response.json({
      _id: signatureRequestId,
      appId: "appId_4b8e6f1c",
      appEnv: "DEVELOPMENT",
      signatureRequestType: "STANDARD",
      status: "COMPLETED",
      signatureProofStatus: "CREATED",
    }),
  [`GET /v4/documents/${documentId}/signature-type/PDF_WITH_SIGNATURES`]: () => new Response(signedPdf, { headers: { "content-type": "application/pdf" } }),
};

describe("the signature flow", () => {
  test("signs one document: signer, request, document upload, update, publish, status, signed PDF", async () => {
    const sent: Request[] = [];
    const ignisign = createIgnisignClient({
      apiKey,
      fetch: async (url, init) => {
        const request = new Request(url, init);
        sent.push(request.clone());
        const answer = answers[`${request.method} ${new URL(url).pathname}`];
        return answer ? answer() : new Response("{}", { status: 404 });
      },
    });

    const signer = await ignisign.createSigner({ body: { firstName: "Camille", lastName: "Martin", email: "camille.martin@mail.test" } });
    const { signatureRequestId: requestId } = await ignisign.initSignatureRequest();
    const { documentId: docId } = await ignisign.initializeDocument({ body: { signatureRequestId: requestId!, label: "Service agreement" } });
    const file = new File(["%PDF-1.7 contract"], "contract.pdf", { type: "application/pdf" });
    await ignisign.provideDocumentContentFile({ params: { path: { documentId: docId } }, body: { file } });
    await ignisign.updateSignatureRequest({
      params: { path: { signatureRequestId: requestId! } },
      body: { title: "Service agreement", signerIds: [signer.signerId], documentIds: [docId] },
    });
    await ignisign.publishSignatureRequest({ params: { path: { signatureRequestId: requestId! } } });
    const context = await ignisign.getSignatureRequestContext({ params: { path: { signatureRequestId: requestId! } } });
    const signed = await ignisign.downloadSignatureByType({ params: { path: { documentId: docId, signatureType: "PDF_WITH_SIGNATURES" } } });

    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(Object.keys(answers));
    expect(sent.every((r) => r.headers.get("authorization") === `Bearer ${apiKey}`)).toBe(true);
    expect(context.status).toBe("COMPLETED");
    expect(await sent[4]!.json()).toEqual({ title: "Service agreement", signerIds: [signerId], documentIds: [documentId] });

    // The upload is multipart/form-data with one part, `file`, named and typed as the File given.
    const upload = sent[3]!;
    expect(upload.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const part = (await upload.formData()).get("file") as File;
    expect(part.name).toBe("contract.pdf");
    expect(part.type).toBe("application/pdf");
    expect(await part.text()).toBe("%PDF-1.7 contract");

    // The signed document is a Blob of the bytes as they came, typed as the server labelled them.
    expect(signed).toBeInstanceOf(Blob);
    expect(signed.type).toBe("application/pdf");
    expect(new Uint8Array(await signed.arrayBuffer())).toEqual(signedPdf);
  });
});

import type { components, IgnisignClient } from "@signhub/ignisign";

type Schemas = components["schemas"];

/** An Ignisign client given its `appId` and `appEnv` once, so that no call repeats them. */
export type IgnisignAppClient = IgnisignClient<"appId" | "appEnv">;

/** One document for one signer. */
export interface SignatureRequestInput {
  title: string;
  signer: { firstName: string; lastName: string; email: string; externalId?: string };
  /** The document to sign; its name and type go with its bytes. */
  document: File;
}

/** A signature request sent to its signer, with what each step answered. */
export interface SentSignatureRequest {
  signerId: string;
  signatureRequestId: string;
  documentId: string;
  /** The document as Ignisign stored it: `status` PROVIDED, its `documentHash`. */
  document: Schemas["IgnisignDocument"];
  /** The request before publication: `status` DRAFT, with its signer and document. */
  draft: Schemas["IgnisignSignatureRequest_Context"];
  /** Who Ignisign invited to sign. */
  published: Schemas["IgnisignSignatureRequest_Publish_ResponseDTO"];
}

/** Where a signature request stands, and the signed PDF once every signer has signed. */
export interface SignatureOutcome {
  status: Schemas["IgnisignSignatureRequestStatus"];
  signedBy: string[];
  /** The PDF with its signatures, when `status` is COMPLETED. */
  signedPdf: Blob | undefined;
}

/**
 * Creates the signer and a signature request, uploads the document into it and publishes it: Ignisign then
 * invites the signer by e-mail.
 */
export async function sendForSignature(ignisign: IgnisignAppClient, input: SignatureRequestInput): Promise<SentSignatureRequest> {
  // The answer's `authSecret` is for embedded signing, which this app does not do: it is not kept.
  const { signerId } = await ignisign.createSigner({ body: input.signer });
  const { signatureRequestId } = await ignisign.initSignatureRequest({ body: {} });
  // The spec leaves the id optional; a request without one cannot be filled in.
  if (signatureRequestId === undefined) throw new Error("Ignisign initialized a signature request without a signatureRequestId");
  const { documentId } = await ignisign.initializeDocument({ body: { signatureRequestId, label: input.document.name } });
  const document = await ignisign.provideDocumentContentFile({ params: { path: { documentId } }, body: { file: input.document } });
  const draft = await ignisign.updateSignatureRequest({
    params: { path: { signatureRequestId } },
    body: { title: input.title, signerIds: [signerId], documentIds: [documentId] },
  });
  const published = await ignisign.publishSignatureRequest({ params: { path: { signatureRequestId } } });
  return { signerId, signatureRequestId, documentId, document, draft, published };
}

/** Reads the request's status and, once it is COMPLETED, downloads the signed PDF. */
export async function fetchSignedDocument(ignisign: IgnisignAppClient, request: { signatureRequestId: string; documentId: string }): Promise<SignatureOutcome> {
  const { signatureRequestId, documentId } = request;
  const context = await ignisign.getSignatureRequestContext({ params: { path: { signatureRequestId } } });
  const signedBy = context.signedBy ?? [];
  if (context.status !== "COMPLETED") return { status: context.status, signedBy, signedPdf: undefined };
  const signedPdf = await ignisign.downloadSignatureByType({ params: { path: { documentId, signatureType: "PDF_WITH_SIGNATURES" } } });
  return { status: context.status, signedBy, signedPdf };
}

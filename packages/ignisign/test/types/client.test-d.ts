import { expectTypeOf, test } from "vitest";
import { type components, createIgnisignClient, isIgnisignAppApiKey } from "../../src/index.js";

const client = createIgnisignClient({ apiKey: "skv2_test" });
const path = { appId: "app_1", appEnv: "DEVELOPMENT", signerId: "signer_1" } as const;

test("a method resolves to the typed success body", () => {
  expectTypeOf(client.updateSigner({ params: { path } })).resolves.toEqualTypeOf<components["schemas"]["IgnisignSignerUpdateResponse"]>();
  expectTypeOf(client.regenerateSignerAuthSecret({ params: { path } })).resolves.toHaveProperty("authSecret");
});

test("a wrong enum value does not compile", () => {
  // @ts-expect-error appEnv is DEVELOPMENT | STAGING | PRODUCTION
  client.updateSigner({ params: { path: { ...path, appEnv: "TEST" } } });
});

test("a missing path parameter does not compile", () => {
  // @ts-expect-error signerId is required
  client.regenerateSignerAuthSecret({ params: { path: { appId: "app_1", appEnv: "DEVELOPMENT" } } });
  // @ts-expect-error params are required
  client.regenerateSignerAuthSecret();
});

test("an unknown body field does not compile", () => {
  // @ts-expect-error nickname is not a field of IgnisignSigner_UpdateRequestDto
  client.updateSigner({ params: { path }, body: { firstName: "Camille", nickname: "Cam" } });
});

test("per-call options are typed", () => {
  client.updateSigner({ params: { path }, maxRetries: 0, timeoutMs: 5_000 });
  // @ts-expect-error timeoutMs is a number of milliseconds
  client.updateSigner({ params: { path }, timeoutMs: "5s" });
});

declare const keyFromEnvironment: string;
const signer = { params: { path: { signerId: "signer_1" } } } as const;

test("a client whose key names its application takes calls without appId and appEnv", () => {
  const ofKey = createIgnisignClient({ apiKey: "skv2_development_4b8e6f1c_s3cr3t" });
  expectTypeOf(ofKey.getSignerSummary(signer)).resolves.toEqualTypeOf<components["schemas"]["IgnisignSigner_Summary"]>();
  ofKey.createSigner({ body: { firstName: "Camille" } });
  ofKey.initSignatureRequest();
});

test("a client given appId and appEnv takes calls without them, and a call may still pass its own", () => {
  const set = createIgnisignClient({ apiKey: keyFromEnvironment, appId: "appId_1", appEnv: "STAGING" });
  set.revokeSigner(signer);
  set.getSignerWithDetails({ params: { path: { signerId: "signer_1", appId: "appId_2", appEnv: "PRODUCTION" } } });
  set.getSignerWithDetails.withResponse(signer);
  // @ts-expect-error a call's own appEnv is still DEVELOPMENT | STAGING | PRODUCTION
  set.getSignerWithDetails({ params: { path: { signerId: "signer_1", appEnv: "TEST" } } });
  // @ts-expect-error signerId is still required
  set.getSignerWithDetails({ params: { path: {} } });
});

test("a client that cannot know them from its key or options needs them on every call", () => {
  const unknown = createIgnisignClient({ apiKey: keyFromEnvironment });
  // @ts-expect-error appId and appEnv are required
  unknown.getSignerSummary(signer);
  // @ts-expect-error params (appId and appEnv) are required
  unknown.initSignatureRequest();
  const onlyEnv = createIgnisignClient({ apiKey: keyFromEnvironment, appEnv: "PRODUCTION" });
  onlyEnv.getSignerSummary({ params: { path: { signerId: "signer_1", appId: "appId_1" } } });
  // @ts-expect-error appId is still required
  onlyEnv.getSignerSummary(signer);
  // @ts-expect-error a key literal not of the form skv2_<env>_<app>_<secret> names no application
  createIgnisignClient({ apiKey: "skv2_test" }).getSignerSummary(signer);
});

test("isIgnisignAppApiKey narrows a key from the environment to one that names its application", () => {
  if (isIgnisignAppApiKey(keyFromEnvironment)) createIgnisignClient({ apiKey: keyFromEnvironment }).getSignerSummary(signer);
});

test("raw takes the full path, whatever the client knows", () => {
  const set = createIgnisignClient({ apiKey: keyFromEnvironment, appId: "appId_1", appEnv: "STAGING" });
  set.raw.GET("/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}", {
    params: { path: { appId: "appId_1", appEnv: "STAGING", signerId: "signer_1" } },
  });
  // @ts-expect-error raw fills in nothing
  set.raw.GET("/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}", signer);
});

test("the upload takes a File or a Blob, and the signed document resolves to a Blob", () => {
  const documentId = { documentId: "doc_1" };
  client.provideDocumentContentFile({ params: { path: documentId }, body: { file: new File(["%PDF"], "contract.pdf") } });
  client.provideDocumentContentFile({ params: { path: documentId }, body: { file: new Blob(["%PDF"]) } });
  // @ts-expect-error the file part is bytes, not a string
  client.provideDocumentContentFile({ params: { path: documentId }, body: { file: "%PDF" } });
  const proof = { params: { path: { documentId: "doc_1", signatureType: "PDF_WITH_SIGNATURES" } } } as const;
  expectTypeOf(client.downloadSignatureByType(proof)).resolves.toEqualTypeOf<Blob>();
  // @ts-expect-error signatureType is an IGNISIGN_SIGNATURE_PROOF_TYPE
  client.downloadSignatureByType({ params: { path: { documentId: "doc_1", signatureType: "PDF" } } });
});

test("an error body's message is a string or a list of strings", () => {
  expectTypeOf<components["schemas"]["IgnisignError"]["message"]>().toEqualTypeOf<string | string[] | undefined>();
});

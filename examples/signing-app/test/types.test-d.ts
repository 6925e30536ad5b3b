import { createIgnisignClient } from "@signhub/ignisign";
import { describe, expectTypeOf, test } from "vitest";
import {
  type CorrectedSigner,
  createSigningClients,
  fetchSignedDocument,
  type LoginOutcome,
  type RotatedSignerSecret,
  type SignatureOutcome,
  type SigningAppConfig,
  sendForSignature,
} from "../src/index.js";

declare const config: SigningAppConfig;
declare const apiKey: string;
const request = { signatureRequestId: "66a7c0d1e1f2a3b4c5d6e101", documentId: "66a7c2e3e1f2a3b4c5d6e201" };

describe("the Ignisign flow's client", () => {
  test("is the app's client, told its application and environment once", () => {
    expectTypeOf(fetchSignedDocument(createSigningClients(config).ignisign, request)).resolves.toEqualTypeOf<SignatureOutcome>();
  });

  test("is never a client that would need appId and appEnv on every call", () => {
    const unconfigured = createIgnisignClient({ apiKey });
    // @ts-expect-error appId and appEnv are not known to this client
    void sendForSignature(unconfigured, { title: "t", signer: { firstName: "f", lastName: "l", email: "e@mail.test" }, document: new File([], "d.pdf") });
  });
});

describe("what the flows return", () => {
  test("a corrected signer carries no authSecret, and a rotated secret's result is its signer's id only", () => {
    expectTypeOf<CorrectedSigner>().not.toHaveProperty("authSecret");
    expectTypeOf<RotatedSignerSecret>().toEqualTypeOf<{ signerId: string }>();
  });

  test("a login outcome has the user's id on SUCCESS and the text to show on FAILED", () => {
    const outcome = {} as LoginOutcome;
    if (outcome.status === "SUCCESS") expectTypeOf(outcome.userId).toEqualTypeOf<string | undefined>();
    else expectTypeOf(outcome.error).toEqualTypeOf<string | undefined>();
    // @ts-expect-error a login is SUCCESS or FAILED once waitForLogin resolves, never PENDING
    void (outcome.status === "PENDING");
  });
});

import { inspect } from "node:util";
import { BadRequestError, NotFoundError } from "@signhub/core";
import { createIgnisignClient } from "@signhub/ignisign";
import { describe, expect, test } from "vitest";
import { correctSignerDetails, createSigningClients, offboardSigner, rotateSignerAuthSecret } from "../src/index.js";
import { preferOn, recordRequests } from "./support/middleware.js";
import { mockConfig, TEST_SECRETS } from "./support/mocks.js";
import { expectNoSecrets } from "./support/no-secrets.js";

// The ids and secrets in the Ignisign spec's examples, which the mock answers with.
const signerId = "66a7b5c4e1f2a3b4c5d6e7f8";
const UPDATE_AUTH_SECRET = "fake-signer-auth-secret-placeholder";
const REGENERATED_AUTH_SECRET = "fake-regenerated-auth-secret-placeholder";

const SIGNER_PATH = "/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}";

const ignisign = () => createSigningClients(mockConfig()).ignisign;

describe("Ignisign: a signer offboarded", () => {
  test("offboardSigner reads the signer's summary and details, then revokes it", async () => {
    const { middleware, sent } = recordRequests();
    const offboarded = await offboardSigner(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), signerId);

    expect(offboarded.summary).toMatchObject({ signerId, externalId: "crm-customer-48213", email: "camille.martin@mail.test", status: "ACTIVE" });
    expect(offboarded.details).toMatchObject({
      signerId,
      claims: [
        { claimRef: "NATURAL_PERSON_NAME", status: "DECLARED" },
        { claimRef: "EMAIL_POSSESSION", status: "VERIFIED" },
      ],
      latestSignatureRequests: [],
    });
    expect(offboarded.revoked).toEqual({ signerId });

    // Read twice, then revoke: the signer's id in every path.
    expect(sent.map((r) => `${r.method} ${r.schemaPath}`)).toEqual([`GET ${SIGNER_PATH}`, `GET ${SIGNER_PATH}/details`, `DELETE ${SIGNER_PATH}/revoke`]);
    expect(sent.every((r) => r.path.includes(`/signers/${signerId}`))).toBe(true);
  });

  test("an unknown signer is a NotFoundError at the first read, and nothing is revoked", async () => {
    const { middleware, sent } = recordRequests();
    const client = createIgnisignClient({ ...mockConfig().ignisign, middleware: [preferOn("GET", SIGNER_PATH, "code=404"), middleware] });
    const error = await offboardSigner(client, "66a7b5c4e1f2a3b4c5d6e999").catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: "ignisign", status: 404, code: "SIGNER_NOT_FOUND" });
    expect((error as Error).message).toBe(`Ignisign 404 SIGNER_NOT_FOUND on GET ${SIGNER_PATH}: Signer not found`);
    expect(sent.map((r) => r.method)).toEqual(["GET"]);
    expectNoSecrets(error, [TEST_SECRETS.ignisignApiKey]);
  });
});

describe("Ignisign: a signer's details corrected", () => {
  test("correctSignerDetails sends the correction with the signer's id and returns the answer without its authSecret", async () => {
    const { middleware, sent } = recordRequests();
    const correction = { phoneNumber: "+33612345678", nationality: "FR", birthDate: "1990-04-12", birthPlace: "Lyon", birthCountry: "FR" };
    const corrected = await correctSignerDetails(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), signerId, correction);

    expect(corrected).toEqual({ signerId, entityType: "NATURAL", success: true, alreadyExists: true });
    expect(inspect(corrected)).not.toContain(UPDATE_AUTH_SECRET);
    expect(sent.map((r) => [`${r.method} ${r.schemaPath}`, r.body])).toEqual([[`PUT ${SIGNER_PATH}`, { ...correction, signerId }]]);
  });

  test("a correction Ignisign refuses is a BadRequestError giving each failed constraint", async () => {
    const client = createIgnisignClient({ ...mockConfig().ignisign, middleware: [preferOn("PUT", SIGNER_PATH, "code=400, example=bodyValidationFailed")] });
    const error = await correctSignerDetails(client, signerId, { email: "camille.martin@mail.test" }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "BODY_VALIDATION_FAILED" });
    expect((error as Error).message).toBe(
      `Ignisign 400 BODY_VALIDATION_FAILED on PUT ${SIGNER_PATH}: email must be an email; birthDate must be a valid ISO 8601 date string`,
    );
  });
});

describe("Ignisign: a signer's auth secret rotated", () => {
  const SECRET_PATH = `${SIGNER_PATH}/regenerate-auth-secret`;

  test("rotateSignerAuthSecret hands the new secret to the store only: the result shows nothing of it", async () => {
    const stored: [string, string][] = [];
    const { middleware, sent } = recordRequests();
    const rotated = await rotateSignerAuthSecret(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), signerId, async (id, secret) => {
      stored.push([id, secret]);
    });

    expect(stored).toEqual([[signerId, REGENERATED_AUTH_SECRET]]);
    expect(rotated).toEqual({ signerId });
    expect([JSON.stringify(rotated), inspect(rotated)].join("\n")).not.toContain(REGENERATED_AUTH_SECRET);
    expect(sent.map((r) => `${r.method} ${r.schemaPath}`)).toEqual([`PUT ${SECRET_PATH}`]);
  });

  test("when the store fails, the error says to rotate again and shows neither the secret nor the store's own words", async () => {
    const error = await rotateSignerAuthSecret(ignisign(), signerId, async (_id, secret) => {
      throw new Error(`vault refused ${secret}`);
    }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`The new auth secret of signer ${signerId} could not be stored; the old one no longer works: rotate again`);
    expectNoSecrets(error, [REGENERATED_AUTH_SECRET, TEST_SECRETS.ignisignApiKey]);
  });

  test("an unknown signer is a NotFoundError, and the store is never called", async () => {
    const stored: string[] = [];
    const client = createIgnisignClient({ ...mockConfig().ignisign, middleware: [preferOn("PUT", SECRET_PATH, "code=404")] });
    const error = await rotateSignerAuthSecret(client, signerId, async (_id, secret) => {
      stored.push(secret);
    }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "SIGNER_NOT_FOUND" });
    expect(stored).toEqual([]);
    expectNoSecrets(error, [TEST_SECRETS.ignisignApiKey]);
  });
});

import { BadRequestError, NotFoundError } from "@signhub/core";
import { createIgnisignClient } from "@signhub/ignisign";
import { describe, expect, test } from "vitest";
import { cancelSignatureRequest, createSigningClients, readSignatureRequestStatuses } from "../src/index.js";
import { preferOn, recordRequests } from "./support/middleware.js";
import { mockConfig } from "./support/mocks.js";

// The ids in the Ignisign spec's examples, which the mock answers with.
const inProgressId = "66a7c0d1e1f2a3b4c5d6e101";
const completedId = "66a7c0d1e1f2a3b4c5d6e102";

const STATUS_PATH = "/v4/applications/{appId}/envs/{appEnv}/signature-requests/status";
const CLOSE_PATH = "/v4/signature-requests/{signatureRequestId}/close";

const ignisign = () => createSigningClients(mockConfig()).ignisign;

describe("Ignisign: a dashboard polling its signature requests", () => {
  test("the app's client polls the mock's example statuses", async () => {
    const statuses = await readSignatureRequestStatuses(ignisign(), [inProgressId, completedId]);
    expect(statuses.pending).toEqual([inProgressId]);
  });

  test("readSignatureRequestStatuses asks for several requests at once and sorts them into finished and pending", async () => {
    const { middleware, sent } = recordRequests();
    const statuses = await readSignatureRequestStatuses(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), [
      inProgressId,
      completedId,
    ]);

    expect([...statuses.byId]).toEqual([
      [inProgressId, "IN_PROGRESS"],
      [completedId, "COMPLETED"],
    ]);
    expect(statuses.finished).toEqual([completedId]);
    expect(statuses.pending).toEqual([inProgressId]);
    // One call for all of them, the ids in its body.
    expect(sent.map((r) => [`${r.method} ${r.path}`, r.body])).toEqual([
      [
        "POST /v4/applications/appId_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b/envs/DEVELOPMENT/signature-requests/status",
        { signatureRequestIds: [inProgressId, completedId] },
      ],
    ]);
  });

  test("a poll for an application Ignisign does not know is a NotFoundError with its code", async () => {
    const client = createIgnisignClient({ ...mockConfig().ignisign, middleware: [preferOn("POST", STATUS_PATH, "code=404")] });
    const error = await readSignatureRequestStatuses(client, [inProgressId]).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "APP_NOT_FOUND", message: expect.stringContaining("Application not found") });
  });
});

describe("Ignisign: a signature request cancelled", () => {
  test("cancelSignatureRequest closes the request and resolves to its id", async () => {
    const { middleware, sent } = recordRequests();
    const closed = await cancelSignatureRequest(createIgnisignClient({ ...mockConfig().ignisign, middleware: [middleware] }), inProgressId);

    expect(closed).toEqual({ signatureRequestId: inProgressId });
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v4/signature-requests/${inProgressId}/close`]);
  });

  test("a request Ignisign will not close is a BadRequestError with SIGNATURE_REQUEST_BAD_STATUS", async () => {
    const client = createIgnisignClient({ ...mockConfig().ignisign, middleware: [preferOn("POST", CLOSE_PATH, "code=400, example=badStatus")] });
    const error = await cancelSignatureRequest(client, completedId).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "SIGNATURE_REQUEST_BAD_STATUS", message: expect.stringContaining("Signature request bad status") });
  });
});

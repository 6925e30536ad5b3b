import { ConflictError } from "@signhub/core";
import { createNevisIdmClient } from "@signhub/nevis-idm";
import { describe, expect, test } from "vitest";
import { createSigningClients, provisionMobileSignature, removeMobileSignature } from "../src/index.js";
import { recordRequests } from "./support/middleware.js";
import { mockConfig, TEST_SECRETS } from "./support/mocks.js";
import { expectNoSecrets } from "./support/no-secrets.js";

const user = { clientExtId: "client-123", userExtId: "user-123" };
const phone = { identificator: "41791234567", msspIdentifier: "http://mssp.nevis.test/mssp", msisdn: "+41791234567" };

const nevis = () => createSigningClients(mockConfig()).nevis;

describe("Nevis nevisIDM: a mobile signature credential", () => {
  test("provisionMobileSignature creates it initial, reads its version and activates it with that version", async () => {
    // The app's client, recording what it sends.
    const { middleware, sent } = recordRequests();
    const { created, read, activated } = await provisionMobileSignature(createNevisIdmClient({ ...mockConfig().nevis, middleware: [middleware] }), user, phone);

    // The mock keeps no state: each step answers its own example.
    expect(created).toMatchObject({ ...phone, userExtId: "user-123", stateName: "initial", version: 1, type: "MobileSignature" });
    expect(read).toMatchObject({ ...phone, stateName: "initial", version: 1 });
    expect(activated).toMatchObject({ ...phone, stateName: "active", version: 4, modificationComment: "Certificate renewed by the MSSP" });

    expect(sent.map((r) => r.method)).toEqual(["POST", "GET", "PATCH"]);
    expect(sent[0]!.body).toEqual({ ...phone, stateName: "initial" });
    // The activation carries the version just read: optimistic locking.
    expect(sent[2]!.body).toEqual({ stateName: "active", version: read.version, modificationComment: "Activated after provisioning" });
  });

  test("removeMobileSignature deletes it (204, no body)", async () => {
    await expect(removeMobileSignature(nevis(), user)).resolves.toBeUndefined();
  });

  test("an activation with a stale version is a ConflictError, and the token shows nowhere", async () => {
    const error = await nevis()
      .updateMobileSignature({ params: { path: user }, body: { stateName: "active", version: 1 }, headers: { Prefer: "code=409" } })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    // nevisIDM publishes no error body: the spec's example is `{}`, so there is no code.
    expect(error).toMatchObject({ provider: "nevis-idm", status: 409, code: undefined, body: {} });
    expect((error as Error).message).toMatch(/^Nevis nevisIDM 409 on PATCH \/nevisidm\/api\/core\/v1\/\{clientExtId\}\/users\/\{userExtId\}\/mobile-signature/);
    expectNoSecrets(error, [TEST_SECRETS.nevisToken]);
  });
});

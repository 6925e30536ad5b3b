import { BadRequestError } from "@signhub/core";
import { createPlumeryIdpConnectorClient } from "@signhub/plumery-idp-connector";
import { describe, expect, test } from "vitest";
import { createSigningClients, LoginTimeoutError, startLogin, waitForLogin } from "../src/index.js";
import { type Middleware, preferOn, recordRequests } from "./support/middleware.js";
import { mockConfig } from "./support/mocks.js";

const correlationId = "9a0f4b6e-2c1d-4e8f-a7b3-5d6c7e8f9a0b";
const STATUS_PATH = "/internal/v1/custom-auth/login/status";
const now = { delayMs: 0 };

/** The app's Plumery client, with test middleware added to what `createSigningClients` configures. */
function plumeryWith(...middleware: Middleware[]) {
  return createPlumeryIdpConnectorClient({ ...mockConfig().plumery, middleware });
}

/** Picks the status check's `pending` example for the first `times` checks, then the mock's default (`success`). */
function pendingFor(times: number): Middleware {
  let checks = 0;
  return {
    onRequest({ request, schemaPath }) {
      if (schemaPath === STATUS_PATH && checks++ < times) request.headers.set("Prefer", "example=pending");
    },
  };
}

describe("Plumery connector: a login through the identity provider", () => {
  test("startLogin sends the correlationId and resolves to the URL to send the user to", async () => {
    const { middleware, sent } = recordRequests();
    const started = await startLogin(plumeryWith(middleware), { correlationId, initAuthDetails: { channel: "web" } });

    expect(started).toEqual({ redirectUrl: "https://idp.example.test/authorize?session=9a0f4b6e" });
    expect(sent.map((r) => [`${r.method} ${r.path}`, r.body])).toEqual([
      ["POST /internal/v1/custom-auth/login:initiate", { correlationId, initAuthDetails: { channel: "web" } }],
    ]);
  });

  test("waitForLogin polls by correlationId while PENDING, and resolves to SUCCESS with the user's id", async () => {
    const sent: string[] = [];
    const urls: Middleware = {
      onRequest({ request }) {
        const url = new URL(request.url);
        sent.push(`${request.method} ${url.pathname}${url.search}`);
      },
    };
    const outcome = await waitForLogin(plumeryWith(pendingFor(2), urls), correlationId, now);

    expect(outcome).toEqual({ status: "SUCCESS", userId: "plumery-user-42" });
    // Two PENDING answers, then SUCCESS: three checks, each naming the login by its correlationId.
    expect(sent).toEqual(Array(3).fill(`GET ${STATUS_PATH}?correlationId=${correlationId}`));
  });

  test("the app's client starts a login and sees it succeed at the first check", async () => {
    const { plumery } = createSigningClients(mockConfig());
    const { redirectUrl } = await startLogin(plumery, { correlationId });
    expect(redirectUrl).toMatch(/^https:\/\/idp\.example\.test\//);
    await expect(waitForLogin(plumery, correlationId, now)).resolves.toEqual({ status: "SUCCESS", userId: "plumery-user-42" });
  });

  test("a login the user cancelled resolves to FAILED with the text to show and its code", async () => {
    const outcome = await waitForLogin(plumeryWith(preferOn("GET", STATUS_PATH, "example=failed")), correlationId, now);

    expect(outcome).toEqual({ status: "FAILED", error: "The authentication was cancelled. Please try again.", code: "AUTHENTICATION_CANCELLED" });
  });

  test("a login still PENDING after maxPolls checks is a LoginTimeoutError, after exactly that many checks", async () => {
    const { middleware, sent } = recordRequests();
    const error = await waitForLogin(plumeryWith(preferOn("GET", STATUS_PATH, "example=pending"), middleware), correlationId, { ...now, maxPolls: 3 }).catch(
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(LoginTimeoutError);
    expect(error).toMatchObject({ correlationId, polls: 3, message: `Plumery login ${correlationId} still PENDING after 3 status checks` });
    expect(sent).toHaveLength(3);
  });

  test("an aborted wait stops polling at once: an AbortError with the signal's reason as its cause", async () => {
    const controller = new AbortController();
    const { middleware, sent } = recordRequests();
    const stopAfterFirst: Middleware = {
      onResponse() {
        controller.abort(new Error("user left the page"));
      },
    };
    const error = await waitForLogin(plumeryWith(preferOn("GET", STATUS_PATH, "example=pending"), middleware, stopAfterFirst), correlationId, {
      delayMs: 60_000,
      signal: controller.signal,
    }).catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({ name: "AbortError", cause: { message: "user left the page" } });
    expect(sent).toHaveLength(1);
  });

  test("a login the connector refuses to start is a BadRequestError with its code", async () => {
    const error = await startLogin(plumeryWith(preferOn("POST", "/internal/v1/custom-auth/login:initiate", "code=400")), { correlationId }).catch(
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ provider: "plumery-idp-connector", status: 400, code: "BAD_REQUEST" });
    expect((error as Error).message).toBe("Plumery connector 400 BAD_REQUEST on POST /internal/v1/custom-auth/login:initiate: Invalid request");
  });
});

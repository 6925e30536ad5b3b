import { bearerAuth, createOperations, type ClientOptions, type TokenSource } from "../../src/index.js";

/** A tiny provider for exercising core: one operation per kind of retry decision. */
export const operations = {
  getThing: { method: "get", path: "/things/{id}", retrySafe: true, jsonStatuses: [200] },
  putThing: { method: "put", path: "/things/{id}", retrySafe: true, jsonStatuses: [200] },
  createThing: { method: "post", path: "/things", retrySafe: false, jsonStatuses: [200] },
  patchThing: { method: "patch", path: "/things/{id}", retrySafe: true, jsonStatuses: [200] },
  deleteThing: { method: "delete", path: "/things/{id}", retrySafe: true, jsonStatuses: [] },
} as const;

/** A client of the tiny provider, with `{ code, message }` error bodies. */
export function testClient(options: ClientOptions & { token?: TokenSource } = {}) {
  const { token, ...rest } = options;
  // biome-ignore lint: the test provider has no generated paths type
  return createOperations<any, typeof operations>(
    operations,
    {
      provider: "acme",
      title: "Acme",
      baseUrl: "https://api.acme.test",
      auth: token === undefined ? undefined : bearerAuth(token, "acme"),
      parseError: (body) => body as { code?: string; message?: string },
    },
    { maxRetries: 2, ...rest },
  );
}

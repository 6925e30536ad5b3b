import { bearerAuth, type ClientOptions, createOperations, type OperationTable, type TokenSource } from "../../src/index.js";

const id = { name: "id", in: "path", style: "simple", explode: false, required: true } as const;
const json = { "application/json": true } as const;
const jsonBody = { required: false, content: { "application/json": {} } } as const;

/** A tiny provider for exercising core: one operation per kind of retry decision. */
export const operations = {
  getThing: { method: "get", path: "/things/{id}", retrySafe: true, parameters: [id], responses: { 200: json } },
  putThing: { method: "put", path: "/things/{id}", retrySafe: true, parameters: [id], requestBody: jsonBody, responses: { 200: json } },
  createThing: { method: "post", path: "/things", retrySafe: false, requestBody: jsonBody, responses: { 200: json } },
  patchThing: { method: "patch", path: "/things/{id}", retrySafe: true, parameters: [id], requestBody: jsonBody, responses: { 200: json } },
  deleteThing: { method: "delete", path: "/things/{id}", retrySafe: true, parameters: [id], responses: { 204: {} } },
} as const satisfies OperationTable;

/** A client of the tiny provider, with `{ code, message }` error bodies. */
export function testClient(options: ClientOptions & { token?: TokenSource } = {}) {
  const { token, ...rest } = options;
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

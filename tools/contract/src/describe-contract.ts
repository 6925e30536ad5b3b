import { findRoot, readApis, readOperations, readSpec } from "@signhub/codegen";
import { apiErrorClass, type BodyKind, bodyKind } from "@signhub/core";
// Brings in the `signhubMocks` key that the mocks provide to tests.
import type {} from "@signhub/mock";
import { describe, expect, inject, test } from "vitest";
import { documentedResponses, firstJsonExample } from "./examples.js";

/** One operation's call in a contract test: a valid request, sent with the headers given (e.g. `Prefer`). */
export type ContractCall<Client> = (client: Client, headers: Record<string, string>) => Promise<unknown>;

/** What a provider's contract test says about its client. */
export interface ContractOptions<Client> {
  /** The provider's name in redocly.yaml (and of its mock). */
  provider: string;
  /** A client of the mock at `baseUrl`. */
  client: (baseUrl: string) => Client;
  /** A valid call of every operation in the spec, by operationId. */
  calls: Record<string, ContractCall<Client>>;
  /** The provider's error code as its documented error body (the spec's example) carries it. */
  codeOf: (errorBody: unknown) => string | undefined;
  /** What a success call resolves to, given the spec's example of it. @default the example itself */
  expectedResult?: (example: unknown, operationId: string) => unknown;
}

/**
 * Calls every operation of a provider's spec against its Prism mock, once per documented status
 * (`Prefer: code=<status>`): a success resolves to the spec's example, an error throws the status's
 * `ApiError` subclass with the provider's code. The mock answers from the spec; no response is written here.
 */
export function describeContract<Client>(options: ContractOptions<Client>): void {
  const root = findRoot();
  const api = readApis(root).find((entry) => entry.name === options.provider);
  if (!api) throw new Error(`redocly.yaml lists no API named ${options.provider}`);
  const spec = readSpec(api.spec);
  const operations = readOperations(spec);

  describe(`${options.provider} contract (Prism mock of ${api.name})`, () => {
    const client = () => {
      const url = inject("signhubMocks")[options.provider];
      if (!url) throw new Error(`no mock of ${options.provider} was started: add it to the test's mockGlobalSetup`);
      return options.client(url);
    };

    test("every operation of the spec has a contract call", () => {
      expect(Object.keys(options.calls).sort()).toEqual(operations.map((op) => op.operationId).sort());
    });

    for (const op of operations) {
      const call = options.calls[op.operationId];
      for (const [status, response] of documentedResponses(spec, op.method, op.path)) {
        const example = firstJsonExample(spec, response);
        const headers = { Prefer: `code=${status}` };
        if (status < 300) {
          test(`${op.operationId} ${status} resolves to the spec's example`, async () => {
            const result = await call!(client(), headers);
            const kinds = mediaKinds(spec, response);
            if (example.found) expect(result).toEqual(options.expectedResult?.(example.value, op.operationId) ?? example.value);
            else if (example.json) expect(result).toBeTypeOf("object");
            else if (kinds.includes("text") || kinds.includes("form")) expect(result).toBeTypeOf("string");
            else if (kinds.length > 0) expect(result).toBeInstanceOf(Blob);
            else expect(result).toBeUndefined();
          });
        } else {
          const ErrorClass = apiErrorClass(status);
          test(`${op.operationId} ${status} throws ${ErrorClass.name} with the provider's code`, async () => {
            const error = await call!(client(), headers).then(
              (value) => ({ resolved: value }),
              (thrown: unknown) => thrown,
            );
            expect(error).toBeInstanceOf(ErrorClass);
            expect(error).toMatchObject({ status, provider: options.provider });
            // Without an example the mock makes a body up from the schema: no code to expect.
            if (example.found || !example.json) expect((error as { code?: unknown }).code).toBe(example.found ? options.codeOf(example.value) : undefined);
          });
        }
      }
    }
  });
}

/** How each media type of a response is read: a body of none is `undefined`. */
function mediaKinds(spec: ReturnType<typeof readSpec>, response: unknown): BodyKind[] {
  const content = (spec.deref(response) as { content?: Record<string, unknown> }).content ?? {};
  return Object.keys(content).map(bodyKind);
}

import { relative } from "node:path";
import { appendOverlayActions, findApi, findRoot, operationTarget, readOperations, readSpec, writeEffectiveSpec } from "@signhub/codegen";
import { apiErrorClass, type BodyKind, bodyKind } from "@signhub/core";
// Brings in the `signhubMocks` key that the mocks provide to tests.
import type {} from "@signhub/mock";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type ContractCase, contractCases, operationObject } from "./cases.js";
import { DefectRecording, defectHint, knownDefects, RECORD_SPEC_DEFECTS } from "./defects.js";
import { firstJsonExample, jsonTypeOf } from "./examples.js";
import { explain, reasons } from "./explain.js";
import { expectJsonBody } from "./json-body.js";
import { CASE_HEADER, type Recorder, startRecorder } from "./recorder.js";

/** Statuses whose responses carry no content. */
const NO_CONTENT = new Set([204, 205, 304]);

/** One operation's call in a contract test: a valid request, sent with the headers given (e.g. `Prefer`). */
export type ContractCall<Client> = (client: Client, headers: Record<string, string>) => Promise<unknown>;

/** What a provider's contract test says about its client. */
export interface ContractOptions<Client> {
  /** The provider's name: its folder under specs/ (and its mock's name). */
  provider: string;
  /** A client of the mock at `baseUrl`. */
  client: (baseUrl: string) => Client;
  /** A valid call of every operation in the spec, by operationId. */
  calls: Record<string, ContractCall<Client>>;
  /**
   * For each operation whose request body the spec offers in several media types: a valid call per media
   * type (its every one), by operationId then media type as the spec writes it. Each is sent once, asking
   * for the operation's first success.
   */
  requestMediaTypes?: Record<string, Record<string, ContractCall<Client>>>;
  /** The provider's error code as its documented error body (the spec's example) carries it. */
  codeOf: (errorBody: unknown) => string | undefined;
  /** What a success call resolves to, given the spec's example of it. @default the example itself */
  expectedResult?: (example: unknown, operationId: string) => unknown;
}

/**
 * Calls every operation of a provider's spec against its Prism mock, once per documented response
 * (`Prefer: code=<status>`; ranges and `default` too, see `contractCases`): a success resolves to the
 * spec's example (or a value of its schema's type), an error throws the status's `ApiError` subclass with
 * the provider's code. The mock answers from the spec; no response is written here. A failing case says
 * what Prism found wrong (`sl-violations`), and whether the request or the spec's own example broke the
 * spec; a case the spec's own defect breaks is listed in `x-signhub-spec-defects` and must fail for that reason.
 */
export function describeContract<Client>(options: ContractOptions<Client>): void {
  const root = findRoot();
  // The provider's own config alone, which its test task hashes (specs/<name>/**).
  const api = findApi(root, options.provider);
  const spec = readSpec(api.spec);
  const operations = readOperations(spec);

  describe(`${options.provider} contract (Prism mock of ${api.name})`, () => {
    let recorder: Recorder | undefined;
    beforeAll(async () => {
      const url = inject("signhubMocks")[options.provider];
      if (!url) throw new Error(`no mock of ${options.provider} was started: add it to the test's mockGlobalSetup`);
      recorder = await startRecorder(url);
    });
    // Recording (SIGNHUB_RECORD_SPEC_DEFECTS=1): a published spec's failing cases, appended to its overlay at the end.
    const recording = process.env[RECORD_SPEC_DEFECTS] === "1" && api.vendor !== undefined;
    const recorded = new DefectRecording();
    afterAll(async () => {
      await recorder?.close();
      if (!recorded.size || !api.vendor) return;
      appendOverlayActions(
        api.vendor.overlay,
        recorded.actions(),
        ` Recorded by the contract test (${RECORD_SPEC_DEFECTS}=1): cases that fail for a reason Prism names. Review each: a call at fault is\n fixed in the contract test, not listed here.`,
      );
      // The effective document again, so that the next run (a package's own `test` too) reads the entries.
      await writeEffectiveSpec(root, api);
      console.warn(`${options.provider}: ${recorded.size} failing cases recorded as spec defects in ${relative(root, api.vendor.overlay)}`);
    });
    const client = () => {
      if (!recorder) throw new Error(`no mock of ${options.provider} was started`);
      return options.client(recorder.url);
    };

    test("every operation of the spec has a contract call", () => {
      expect(Object.keys(options.calls).sort()).toEqual(operations.map((op) => op.operationId).sort());
    });

    const casesOf = new Map(operations.map((op) => [op, contractCases(operationObject(spec, op.method, op.path)?.responses ?? {})] as const));
    test("every operation of the spec has a contract case", () => {
      const without = operations.filter((op) => casesOf.get(op)!.length === 0).map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
      expect(without, "operations whose responses give no status to ask the mock for (only 1xx, or none)").toEqual([]);
    });

    const mediaTypesOf = (op: (typeof operations)[number]) => {
      const body = spec.deref(operationObject(spec, op.method, op.path)?.requestBody) as { content?: Record<string, unknown> } | undefined;
      return Object.keys(body?.content ?? {});
    };
    test("every media type of a request body offered in several has a contract call", () => {
      const missing = operations.flatMap((op) => {
        const types = mediaTypesOf(op);
        const given = options.requestMediaTypes?.[op.operationId] ?? {};
        return types.length > 1 ? types.filter((type) => !(type in given)).map((type) => `${op.operationId} ${type}`) : [];
      });
      expect(missing, "add these to requestMediaTypes").toEqual([]);
    });

    let caseCount = 0;
    for (const op of operations) {
      const defects = knownDefects(operationObject(spec, op.method, op.path), `${op.method.toUpperCase()} ${op.path}`);
      const cases = casesOf.get(op)!;
      for (const contractCase of cases) addCase(op, contractCase, defects, options.calls[op.operationId]!);
      // Each further media type of the request body, asking for the first success.
      const success = cases.find((contractCase) => contractCase.success) ?? cases[0];
      for (const [type, call] of Object.entries(options.requestMediaTypes?.[op.operationId] ?? {})) {
        if (success) addCase(op, success, defects, call, type);
      }
    }

    /** One case: `call` sent asking for `contractCase`'s status, checked as its response says. */
    function addCase(
      op: (typeof operations)[number],
      contractCase: ContractCase,
      defects: Record<string, string>,
      call: ContractCall<Client>,
      mediaType?: string,
    ) {
      const caseId = String(++caseCount);
      const headers = { Prefer: `code=${contractCase.status}`, [CASE_HEADER]: caseId };
      const where = `${op.method.toUpperCase()} ${op.path}, response ${contractCase.key}`;
      const example = firstJsonExample(spec, contractCase.response, where);
      const label = contractCase.key === String(contractCase.status) ? String(contractCase.status) : `${contractCase.status} (${contractCase.key})`;
      const check = contractCase.success ? successCheck(op.operationId, contractCase, example) : errorCheck(contractCase, example);
      const sent = mediaType ? ` with a ${mediaType} body` : "";
      const name = contractCase.success
        ? `${op.operationId}${sent} ${label} resolves to ${successShape(contractCase, example)}`
        : `${op.operationId}${sent} ${label} throws ${apiErrorClass(contractCase.status).name} with the provider's code`;
      const defectKey = mediaType ? `${contractCase.key} ${mediaType}` : contractCase.key;
      const defect = defects[defectKey];
      const run = async () => {
        try {
          await check(() => call(client(), headers));
        } catch (error) {
          const exchange = recorder?.exchange(caseId);
          // A path key with a query or a fragment (`/files/{id}#shared_link`, `/token?refresh`) names one of several
          // operations on one path; Prism routes by the path alone, so the call may be answered as another one.
          const routing = /[?#]/.test(op.path) ? `the path ${op.path} carries a query or a fragment, which Prism does not route by` : undefined;
          const found = reasons(exchange);
          if (!found.length && routing) found.push(routing);
          const at = { method: op.method, path: op.path, key: defectKey, target: operationTarget(op.path, op.method) };
          const hint =
            defect === undefined ? defectHint(found, { ...at, overlay: api.vendor && relative(root, api.vendor.overlay), spec: relative(root, api.spec) }) : "";
          const reason = found[0];
          if (recording && defect === undefined && reason !== undefined) {
            // Recorded for the overlay, with the reason a known defect is listed with; the run goes on.
            const refused = exchange?.violations.some((violation) => violation.location[0] === "request") ?? false;
            recorded.record(op.path, op.method, defectKey, reason, refused);
            return;
          }
          throw explain(error, exchange, { example: example.found, hint, ...(routing ? { note: routing } : {}) });
        }
      };
      if (defect === undefined) {
        test(name, run);
      } else {
        test(`${name}: fails for a known spec defect (${defect})`, async () => {
          const failure = await run().then(
            () => undefined,
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
          expect(failure, `${where} is listed in x-signhub-spec-defects but passes now: remove the entry`).toBeDefined();
          expect(failure, `${where} fails for another reason than the one listed in x-signhub-spec-defects`).toContain(defect);
        });
      }
    }

    /** A success: the spec's example, or a value of its schema's type (the mock makes it up), or the body its media type reads as. */
    function successCheck(operationId: string, contractCase: ContractCase, example: ReturnType<typeof firstJsonExample>) {
      return async (send: () => Promise<unknown>) => {
        const result = await send();
        const kinds = mediaKinds(contractCase.response);
        // 204, 205 and 304 carry no content (RFC 9110 §15.3.5, §15.3.6, §15.4.5), whatever the spec declares.
        if (NO_CONTENT.has(contractCase.status)) expect(result).toBeUndefined();
        else if (example.found) {
          expect(result).toEqual(options.expectedResult?.(example.value, operationId) ?? example.value);
        } else if (example.json) {
          expectJsonBody(result, example.schema);
          // Without JSON, Prism answers in the first media type the response declares.
        } else if (kinds[0] === "text" || kinds[0] === "form") expect(result).toBeTypeOf("string");
        else if (kinds.length > 0) expect(result).toBeInstanceOf(Blob);
        else expect(result).toBeUndefined();
      };
    }

    /** An error: the status's class, and the provider's code when the spec's example carries one. */
    function errorCheck(contractCase: ContractCase, example: ReturnType<typeof firstJsonExample>) {
      const ErrorClass = apiErrorClass(contractCase.status);
      return async (send: () => Promise<unknown>) => {
        const error = await send().then(
          (value) => ({ resolved: value }),
          (thrown: unknown) => thrown,
        );
        if (!(error instanceof ErrorClass)) {
          const got = error instanceof Error ? `threw ${error.name}: ${error.message}` : `resolved to ${JSON.stringify(error)?.slice(0, 200)}`;
          throw new Error(`${got}, not ${ErrorClass.name}`, { cause: error });
        }
        expect(error).toMatchObject({ status: contractCase.status, provider: options.provider });
        // Without an example the mock makes a body up from the schema: no code to expect.
        if (example.found || !example.json) expect((error as { code?: unknown }).code).toBe(example.found ? options.codeOf(example.value) : undefined);
      };
    }
  });

  /** What a success case expects, in its test's name. */
  function successShape(contractCase: ContractCase, example: ReturnType<typeof firstJsonExample>): string {
    if (NO_CONTENT.has(contractCase.status)) return "no body";
    if (example.found) return "the spec's example";
    if (example.json) {
      if (example.schema === undefined) return "a JSON value or no body (no example or schema in the spec)";
      const type = jsonTypeOf(example.schema)?.type;
      return type === undefined ? "a JSON value (no example in the spec)" : `${/^[ao]/.test(type) ? "an" : "a"} ${type} (no example in the spec)`;
    }
    const kinds = mediaKinds(contractCase.response);
    if (kinds[0] === "text" || kinds[0] === "form") return "a string";
    return kinds.length > 0 ? "a Blob" : "no body";
  }

  /** How each media type of a response is read: a body of none is `undefined`. */
  function mediaKinds(response: unknown): BodyKind[] {
    const content = (spec.deref(response) as { content?: Record<string, unknown> } | null)?.content ?? {};
    return Object.keys(content).map(bodyKind);
  }
}

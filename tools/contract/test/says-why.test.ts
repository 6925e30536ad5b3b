import { fileURLToPath } from "node:url";
import { getFreePort, type PrismMock, startPrism } from "@signhub/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CASE_HEADER,
  defectHint,
  explain,
  HINT_REASON_LENGTH,
  knownDefects,
  parseViolations,
  type Recorder,
  reasons,
  startRecorder,
  why,
} from "../src/index.js";

const spec = fileURLToPath(new URL("./fixtures/defects.yaml", import.meta.url));

describe("a failing case says why, from the mock's own words", () => {
  let mock: PrismMock;
  let recorder: Recorder;
  beforeAll(async () => {
    mock = await startPrism({ specPath: spec, port: await getFreePort() });
    recorder = await startRecorder(mock.url);
  }, 60_000);
  afterAll(async () => {
    await recorder?.close();
    await mock?.stop();
  });

  test("the spec's own example that breaks its schema is named as the spec's defect", async () => {
    const response = await fetch(`${recorder.url}/pets`, { headers: { [CASE_HEADER]: "1" } });
    expect(response.status).toBe(500);
    const error = explain(new Error("ServerError 500 on GET /pets"), recorder.exchange("1"), { example: true });
    expect(error.message).toBe(
      "ServerError 500 on GET /pets\nWhy: the spec's own example breaks its schema (Prism answered 500): Response body property 0.id must be integer",
    );
  });

  test("a request that breaks the spec is named as the request's fault", async () => {
    const response = await fetch(`${recorder.url}/pets`, {
      method: "POST",
      headers: { [CASE_HEADER]: "2", "Content-Type": "application/json" },
      body: JSON.stringify({ id: 1 }),
    });
    expect(response.status).toBe(422);
    expect(explain(new Error("failed"), recorder.exchange("2"), { example: false }).message).toContain(
      "Why: the request breaks the spec (Prism answered 422): Request body must have required property 'name'",
    );
  });

  test("a request Prism refuses with its own 422 problem is named as the request's fault", async () => {
    const response = await fetch(`${recorder.url}/pets/rex`, { headers: { [CASE_HEADER]: "4" } });
    expect(response.status).toBe(422);
    expect((await response.json()).title).toBe("Invalid request");
    expect(explain(new Error("failed"), recorder.exchange("4"), { example: false }).message).toContain(
      'Why: the request breaks the spec (Prism answered 422): Request path parameter petid must match pattern "^pet_[0-9]+$"',
    );
  });

  test("a valid exchange is passed through unchanged and found blameless", async () => {
    const response = await fetch(`${recorder.url}/pets`, {
      method: "POST",
      headers: { [CASE_HEADER]: "3", "Content-Type": "application/json" },
      body: JSON.stringify({ id: 1, name: "Rex" }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: expect.any(String) });
    expect(explain(new Error("failed"), recorder.exchange("3"), { example: false }).message).toContain("found nothing wrong");
  });

  test("a response Prism cannot make is named with Prism's own problem, not as blameless", async () => {
    const response = await fetch(`${recorder.url}/notes`, { headers: { [CASE_HEADER]: "5" } });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ type: "https://stoplight.io/prism/errors#NO_COMPLEX_OBJECT_TEXT" });
    expect(why(recorder.exchange("5"), false)).toBe("Why: Prism could not answer (500 NO_COMPLEX_OBJECT_TEXT): Cannot serialise complex objects as text");
    expect(reasons(recorder.exchange("5"))).toEqual(["Cannot serialise complex objects as text"]);
  });

  test("Prism's own 401 is named with its title and detail, and nothing of the request's credentials is kept", async () => {
    const secret = "Basic c2VjcmV0LXZhbHVlLTAxMjM0NTY3ODk=";
    const response = await fetch(`${recorder.url}/secured`, { headers: { [CASE_HEADER]: "6", Authorization: secret } });
    expect(response.status).toBe(401);
    await response.arrayBuffer();
    const exchange = recorder.exchange("6");
    expect(why(exchange, false)).toMatch(/^Why: Prism could not answer \(401 UNAUTHORIZED\): Invalid security scheme used: Your request does not fullfil/);
    expect(JSON.stringify(exchange)).not.toContain("c2VjcmV0");
  });

  test("a request the client never sent says so", () => {
    expect(explain(new Error("refused"), recorder.exchange("never"), { example: false }).message).toContain("never reached the mock");
  });
});

describe("known spec defects, as the overlay lists them", () => {
  const operation = { responses: { "200": {}, default: {} } };
  test("map a documented response key to Prism's reason", () => {
    expect(knownDefects({ ...operation, "x-signhub-spec-defects": { "200": "Response body property 0.id must be integer" } }, "GET /pets")).toEqual({
      "200": "Response body property 0.id must be integer",
    });
  });
  test("name only responses the operation documents, each with a reason", () => {
    expect(() => knownDefects({ ...operation, "x-signhub-spec-defects": { "404": "x" } }, "GET /pets")).toThrow("GET /pets: x-signhub-spec-defects names 404");
    expect(() => knownDefects({ ...operation, "x-signhub-spec-defects": { "200": "" } }, "GET /pets")).toThrow("must map response keys to Prism's reason");
  });
});

describe("the hint to list a failing case as a known spec defect", () => {
  const at = { method: "get", path: "/pets", key: "200", target: "$.paths['/pets'].get", overlay: "specs/pets/signhub.overlay.yaml", spec: "x.yaml" };
  const suggested = (hint: string) => JSON.parse(/^ +"200": (".*")$/m.exec(hint)![1]!) as string;

  test("suggests a short reason whole, for an example or a schema at fault", () => {
    const hint = defectHint(["Response body property 0.id must be integer"], at);
    expect(suggested(hint)).toBe("Response body property 0.id must be integer");
    expect(hint).toContain("If the spec itself is at fault (its example breaks its schema, or Prism cannot make a body its schema accepts), add this action");
  });

  test("cuts a long reason after a comma or space, a prefix that still matches the failure", () => {
    const reason = `Response body must be equal to one of the allowed values: ${JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ id: i, name: `value ${i}` })))}`;
    const listed = suggested(defectHint([reason], at));
    expect(listed.length).toBeLessThanOrEqual(HINT_REASON_LENGTH);
    expect(listed.length).toBeGreaterThan(HINT_REASON_LENGTH / 2);
    expect(reason.startsWith(listed)).toBe(true);
    expect(reason[listed.length - 1] === "," || reason[listed.length] === " ").toBe(true);
  });

  test("cuts a long reason without a space or comma at its length", () => {
    expect(suggested(defectHint(["x".repeat(500)], at))).toBe("x".repeat(HINT_REASON_LENGTH));
  });
});

describe("Prism's sl-violations header", () => {
  test.each([
    [
      "a list",
      '[{"location":["response","body","id"],"severity":"Error","code":"type","message":"Response body property id must be integer"}]',
      [{ location: ["response", "body", "id"], message: "Response body property id must be integer" }],
    ],
    [
      "a list Prism cut short: the violations written whole before the cut",
      'Too many violations! [{"location":["response","body","policies","0"],"severity":"Error","code":"type","message":"Response body property policies.0 must be string"},{"location":["response","body"],"severity":"Err',
      [{ location: ["response", "body", "policies", "0"], message: "Response body property policies.0 must be string" }],
    ],
    ["text that is no list at all", "something else", [{ location: [], message: "something else" }]],
    [
      "UTF-8 that Node read as Latin-1",
      Buffer.from('[{"location":["response","body"],"message":"must match pattern ^[0-9]+(ns|µs)$"}]', "utf8").toString("latin1"),
      [{ location: ["response", "body"], message: "must match pattern ^[0-9]+(ns|µs)$" }],
    ],
  ])("%s", (_, header, want) => {
    expect(parseViolations(header)).toMatchObject(want);
  });
});

test("a note signhub adds (a path Prism cannot route by) is a Why line of its own", () => {
  const error = explain(
    new Error("expected a Blob"),
    { status: 200, violations: [] },
    { example: false, note: "the path /files/{id}#shared carries a query or a fragment, which Prism does not route by" },
  );
  expect(error.message).toBe(
    "expected a Blob\nWhy: Prism answered 200 and found nothing wrong with the request or the response.\nWhy, besides: the path /files/{id}#shared carries a query or a fragment, which Prism does not route by",
  );
});

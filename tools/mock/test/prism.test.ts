import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MockStartError } from "../src/errors.js";
import { getFreePort } from "../src/free-port.js";
import { type PrismMock, startPrism } from "../src/prism.js";
import { answers } from "../src/wait-until-answers.js";
import { fixture, isRunning, processesMentioning } from "./helpers.js";

describe("a running mock", () => {
  let mock: PrismMock;
  beforeAll(async () => {
    mock = await startPrism({ specPath: fixture("specs", "things.yaml"), port: await getFreePort() });
  });
  afterAll(() => mock?.stop());

  test("answers with the spec's example", async () => {
    const response = await fetch(`${mock.url}/things/t-1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "t-1", name: "Widget" });
  });

  test("answers `Prefer: code=404` with the documented 404 example", async () => {
    const response = await fetch(`${mock.url}/things/t-1`, { headers: { Prefer: "code=404" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "THING_NOT_FOUND" });
  });

  test("answers a body of the wrong type with a 422 problem instead of the example", async () => {
    const response = await fetch(`${mock.url}/things`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Tenant": "acme" },
      body: JSON.stringify({ id: 1, name: "Gadget" }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(await response.json())).toContain("id must be string");
  });

  test("answers a request missing a required header with a 422 problem", async () => {
    const response = await fetch(`${mock.url}/things`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: "t-2", name: "Gadget" }),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("x-tenant");
  });

  test("keeps Prism's log without printing it", () => {
    expect(mock.log().join("\n")).toContain("Prism is listening on");
  });
});

describe("a spec Prism cannot load", () => {
  test.each([
    ["a $ref does not resolve", "unresolved-ref.yaml", /Missing/],
    ["it is not YAML", "not-yaml.yaml", /not-yaml\.yaml/],
  ])("fails fast, naming the spec, when %s", async (_, file, cause) => {
    const specPath = fixture("specs", file);
    const started = Date.now();
    const error = await startPrism({ specPath, port: await getFreePort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain(specPath);
    expect((error as MockStartError).message).toMatch(/exited \(code 1\) before answering/);
    expect((error as MockStartError).message).toMatch(cause);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(processesMentioning(specPath)).toEqual([]);
  });
});

test("fails at once when the spec file does not exist", async () => {
  const specPath = fixture("specs", "absent.yaml");
  await expect(startPrism({ specPath, port: await getFreePort() })).rejects.toThrow(`Mock of ${specPath} did not start: the spec file does not exist`);
});

test("refuses a port that something else listens on", async () => {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  await expect(startPrism({ specPath: fixture("specs", "things.yaml"), port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
  server.close();
});

test("gives up after timeoutMs, naming the spec, and leaves no process behind", async () => {
  const specPath = fixture("specs", "minimal.yaml");
  await expect(startPrism({ specPath, port: await getFreePort(), timeoutMs: 100 })).rejects.toThrow(
    /minimal\.yaml did not start: Prism did not answer on http:\/\/127\.0\.0\.1:\d+ within 100 ms/,
  );
  expect(processesMentioning(specPath)).toEqual([]);
});

test("after stop() the port no longer answers and the process is gone", async () => {
  const mock = await startPrism({ specPath: fixture("specs", "minimal.yaml"), port: await getFreePort() });
  expect(await answers(mock.url)).toBe(true);

  await mock.stop();

  expect(await answers(mock.url)).toBe(false);
  expect(isRunning(mock.pid)).toBe(false);
  expect(await mock.exited).toEqual({ code: null, signal: "SIGTERM" });
  await mock.stop();
});

test("an aborted start stops Prism and rejects with the abort reason", async () => {
  const specPath = fixture("specs", "minimal.yaml");
  const controller = new AbortController();
  const starting = startPrism({ specPath, port: await getFreePort(), signal: controller.signal });
  setTimeout(() => controller.abort(new Error("no longer needed")), 200);
  await expect(starting).rejects.toThrow("no longer needed");
  expect(processesMentioning(specPath)).toEqual([]);
});

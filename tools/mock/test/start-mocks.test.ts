import { expect, test } from "vitest";
import { MockStartError, UnknownProviderError } from "../src/errors.js";
import { startMocks } from "../src/start-mocks.js";
import { answers } from "../src/wait-until-answers.js";
import { fixture, isRunning, processesMentioning } from "./helpers.js";

test("starts two mocks in parallel on distinct free ports, each answering from its own spec", async () => {
  const mocks = await startMocks({ root: fixture("workspace") });
  try {
    expect(Object.keys(mocks.urls)).toEqual(["alpha", "beta"]);
    expect(mocks.urls.alpha).not.toBe(mocks.urls.beta);
    for (const provider of ["alpha", "beta"]) {
      const response = await fetch(`${mocks.urls[provider]}/whoami`);
      expect(await response.json()).toEqual({ provider });
    }
  } finally {
    await mocks.stop();
  }
  for (const mock of Object.values(mocks.mocks)) {
    expect(isRunning(mock.pid)).toBe(false);
    expect(await answers(mock.url)).toBe(false);
  }
  await mocks.stop();
});

test("stops the healthy mocks and throws naming the provider and spec when one fails", async () => {
  const root = fixture("broken-workspace");
  const error = await startMocks({ root }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MockStartError);
  expect(error).toMatchObject({ provider: "broken", specPath: fixture("broken-workspace", "specs", "broken", "openapi.yaml") });
  expect((error as Error).message).toContain(`Mock of broken (${fixture("broken-workspace", "specs", "broken", "openapi.yaml")})`);
  expect(processesMentioning(root)).toEqual([]);
});

test("rejects an unknown provider, listing the known ones, before starting anything", async () => {
  await expect(startMocks({ root: fixture("workspace"), providers: ["alpha", "gamma"] })).rejects.toThrow(new UnknownProviderError("gamma", ["alpha", "beta"]));
});

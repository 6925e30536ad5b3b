import { expect, test } from "vitest";
import type { TestProject } from "vitest/node";
import { mockGlobalSetup } from "../src/vitest-setup.js";
import { answers } from "../src/wait-until-answers.js";
import { fixture } from "./helpers.js";

test("provides the mock URLs as signhubMocks and stops the mocks on teardown", async () => {
  const provided = new Map<string, unknown>();
  const project = { provide: (key: string, value: unknown) => provided.set(key, value) } as unknown as TestProject;

  const teardown = await mockGlobalSetup(["alpha"], { root: fixture("workspace") })(project);

  const urls = provided.get("signhubMocks") as Record<string, string>;
  expect(Object.keys(urls)).toEqual(["alpha"]);
  expect(await (await fetch(`${urls.alpha}/whoami`)).json()).toEqual({ provider: "alpha" });
  await teardown();
  expect(await answers(urls.alpha!)).toBe(false);
});

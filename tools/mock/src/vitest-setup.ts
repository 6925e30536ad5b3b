// Type-only: the compiled module must load where vitest is not installed.
// The empty import lets TypeScript find "vitest" for the augmentation below.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { type StartMocksOptions, startMocks } from "./start-mocks.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of each started provider mock, by provider name. */
    signhubMocks: Record<string, string>;
  }
}

/** A Vitest `globalSetup` that starts the providers' mocks once per run on free ports and provides their URLs as `signhubMocks`. */
export function mockGlobalSetup(
  providers: string[],
  options: Omit<StartMocksOptions, "providers" | "ports"> = {},
): (project: TestProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const mocks = await startMocks({ ...options, providers, ports: "free" });
    project.provide("signhubMocks", mocks.urls);
    return () => mocks.stop();
  };
}

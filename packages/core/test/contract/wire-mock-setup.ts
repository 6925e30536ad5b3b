import { fileURLToPath } from "node:url";
import { getFreePort, startPrism } from "@signhub/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of the test-only wire spec. */
    wireMock: string;
  }
}

/** One Prism mock of test/wire/openapi.yaml for the whole run, on a free port, with `--errors`. */
export default async function setup(project: TestProject) {
  const mock = await startPrism({
    specPath: fileURLToPath(new URL("../wire/openapi.yaml", import.meta.url)),
    port: await getFreePort(),
    provider: "wire",
  });
  project.provide("wireMock", mock.url);
  return () => mock.stop();
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each Prism takes about two seconds to load a spec, more when several start at once.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

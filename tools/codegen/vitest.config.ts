import { defineConfig } from "vitest/config";

// Several cases run the Redocly CLI (bundle, lint) or generate GitHub-sized fixtures: tens of seconds each on a
// busy 2-core machine. These are correctness tests; the bench measures time.
export default defineConfig({ test: { testTimeout: 180_000 } });

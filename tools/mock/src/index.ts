export { MockStartError, UnknownProviderError } from "./errors.js";
export { getFreePort } from "./free-port.js";
export { type PrismMock, type PrismOptions, startPrism } from "./prism.js";
export type { ExitStatus } from "./process-group.js";
export { DEV_PORTS, findProvider, listProviders, type Provider } from "./providers.js";
export { findRepoRoot } from "./repo-root.js";
export { type MockCliOptions, runMockCli } from "./run-mock-cli.js";
export { type RunningMocks, type StartMocksOptions, startMocks } from "./start-mocks.js";
export { mockGlobalSetup } from "./vitest-setup.js";

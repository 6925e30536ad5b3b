export { MockStartError, UnknownProviderError } from "./errors.js";
export { getFreePort } from "./free-port.js";
export { startPrism, type PrismMock, type PrismOptions } from "./prism.js";
export type { ExitStatus } from "./process-group.js";
export { DEV_PORTS, listProviders, type Provider } from "./providers.js";
export { findRepoRoot } from "./repo-root.js";
export { runMockCli, type MockCliOptions } from "./run-mock-cli.js";
export { startMocks, type RunningMocks, type StartMocksOptions } from "./start-mocks.js";
export { mockGlobalSetup } from "./vitest-setup.js";

export { findApi, findRoot, readApis, type ApiEntry } from "./config.js";
export { emitOperations } from "./emit.js";
export { generate, generateFromSpec } from "./generate.js";
export { lint, type LintResult } from "./lint.js";
export { readOperations, type OperationEntry } from "./operations.js";
export { readSpec, type LoadedSpec } from "./read-spec.js";
export { SpecError } from "./spec-error.js";
export { newProvider, pascalCase, type NewProvider } from "./new-provider.js";
export { contractCall } from "./contract-calls.js";

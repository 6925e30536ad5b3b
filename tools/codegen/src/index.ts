export { type ApiEntry, findApi, findRoot, readApis } from "./config.js";
export { contractCall } from "./contract-calls.js";
export { emitOperations } from "./emit.js";
export { generate, generateFromSpec } from "./generate.js";
export { type LintResult, lint } from "./lint.js";
export { type NewProvider, newProvider, pascalCase } from "./new-provider.js";
export { type OperationEntry, readOperations } from "./operations.js";
export { type LoadedSpec, readSpec } from "./read-spec.js";
export { SpecError } from "./spec-error.js";

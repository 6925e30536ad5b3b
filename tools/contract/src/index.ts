export { type ContractCase, contractCases } from "./cases.js";
export { DefectRecording, defectHint, HINT_REASON_LENGTH, knownDefects, RECORD_SPEC_DEFECTS, SPEC_DEFECTS } from "./defects.js";
export { type ContractCall, type ContractOptions, describeContract } from "./describe-contract.js";
export { firstJsonExample, jsonTypeOf } from "./examples.js";
export { explain, reasons, why } from "./explain.js";
export { expectJsonBody } from "./json-body.js";
export { CASE_HEADER, type Exchange, PROBLEM_LENGTH, type PrismProblem, parseViolations, type Recorder, startRecorder, type Violation } from "./recorder.js";
export { everythingShownOf, expectNoSecrets } from "./secrets.js";

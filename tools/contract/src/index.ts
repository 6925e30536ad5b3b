export { type ContractCall, type ContractOptions, describeContract } from "./describe-contract.js";
export { documentedResponses, firstJsonExample } from "./examples.js";
export { everythingShownOf, expectNoSecrets } from "./secrets.js";

export { describeContract, type ContractCall, type ContractOptions } from "./describe-contract.js";
export { documentedResponses, firstJsonExample } from "./examples.js";
export { everythingShownOf, expectNoSecrets } from "./secrets.js";

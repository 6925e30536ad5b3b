import { mockGlobalSetup } from "@signhub/mock";

/**
 * The mocks of the providers this app uses, started once for the whole test run, in parallel, each on a free
 * port; tests read their URLs with `inject("signhubMocks")`. Prism answers from each spec's examples, and a
 * request that breaks the spec gets a 4xx problem (`--errors`), which fails its test.
 */
export default mockGlobalSetup(["ignisign", "nevis-idm", "minka-ledger", "plumery-idp-connector"]);

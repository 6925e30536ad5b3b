import { mockGlobalSetup } from "@signhub/mock";

/** One Prism mock of this provider's spec for the whole test run, on a free port, with `--errors`. */
export default mockGlobalSetup(["ignisign"]);

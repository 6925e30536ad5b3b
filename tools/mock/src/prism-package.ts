import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The installed `@stoplight/prism-cli`, as its package.json describes it. */
export interface PrismPackage {
  version: string;
  /** Absolute path of its `prism` script. */
  bin: string;
  /** The lowest Node it supports (`X.Y.Z`, from `engines.node: ">=X.Y.Z"`), if it states one in that form. */
  minimumNode: string | undefined;
}

/** Reads the package.json of the `@stoplight/prism-cli` this package depends on. */
export function readPrismPackage(): PrismPackage {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve("@stoplight/prism-cli/package.json");
  const { version, bin, engines } = require(packageJsonPath) as {
    version: string;
    bin: Record<string, string>;
    engines?: { node?: string };
  };
  return {
    version,
    bin: join(dirname(packageJsonPath), bin["prism"]!),
    minimumNode: /^>=\s*v?(\d+\.\d+\.\d+)$/.exec(engines?.node ?? "")?.[1],
  };
}

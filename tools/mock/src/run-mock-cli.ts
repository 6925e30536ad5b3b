import { relative } from "node:path";
import { parseArgs } from "node:util";
import { UnknownProviderError } from "./errors.js";
import { listProviders } from "./providers.js";
import { findRepoRoot } from "./repo-root.js";
import { type RunningMocks, startMocks } from "./start-mocks.js";
import { formatTable } from "./table.js";

/** Options for {@link runMockCli}; the defaults are what `pnpm mock` uses. */
export interface MockCliOptions {
  /** @default the repo root above this package */
  root?: string;
  /** @default "fixed" */
  ports?: "free" | "fixed";
  /** Called once every mock answers. */
  onReady?: (mocks: RunningMocks) => void;
  /** @default process.stdout */
  stdout?: { write(text: string): unknown };
  /** @default process.stderr */
  stderr?: { write(text: string): unknown };
  /**
   * Where SIGINT and SIGTERM arrive.
   * @default process
   */
  signals?: Pick<NodeJS.EventEmitter, "on" | "off">;
}

const USAGE = `Usage: pnpm mock [provider...] [--verbose]

Serves a Prism mock of each provider's spec (default: all) on its dev port
until Ctrl-C. Responses come from the spec's examples; send \`Prefer: code=404\`
to pick a documented status. Requests that break the spec get a 4xx problem.

Options:
  -v, --verbose  Print Prism's log, each line prefixed with its provider
  -h, --help     Show this help
`;

/** `pnpm mock`: starts the mocks, prints where they listen, and stops them all on SIGINT or SIGTERM. Resolves to the exit code. */
export async function runMockCli(argv: string[], options: MockCliOptions = {}): Promise<number> {
  const { ports = "fixed", stdout = process.stdout, stderr = process.stderr, signals = process, onReady } = options;

  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const root = options.root ?? findRepoRoot();
  if (args.values.help) {
    stdout.write(
      `${USAGE}\nProviders: ${listProviders(root)
        .map(({ name }) => name)
        .join(", ")}\n`,
    );
    return 0;
  }

  const interrupted = new AbortController();
  const interrupt = () => interrupted.abort();
  const stopped = new Promise<undefined>((resolve) => interrupted.signal.addEventListener("abort", () => resolve(undefined)));
  // Listening until the mocks are stopped, so a second Ctrl-C cannot kill this process and orphan them.
  signals.on("SIGINT", interrupt);
  signals.on("SIGTERM", interrupt);
  let mocks: RunningMocks | undefined;
  try {
    mocks = await startMocks({
      root,
      ports,
      providers: args.positionals,
      signal: interrupted.signal,
      onLog: args.values.verbose ? (provider, line) => stdout.write(`[${provider}] ${line}\n`) : undefined,
    });
    stdout.write(`${describeMocks(mocks, root)}\n\nCtrl-C stops them.\n`);
    onReady?.(mocks);

    const exited = Object.entries(mocks.mocks).map(([provider, mock]) => mock.exited.then((status) => ({ provider, mock, status })));
    const crash = await Promise.race([stopped, ...exited]);
    if (crash === undefined) return 0;
    const { provider, mock, status } = crash;
    stderr.write(
      `The ${provider} mock exited (code ${status.code}, signal ${status.signal}); stopping the others.\n` + `${mock.log().slice(-12).join("\n")}\n`,
    );
    return 1;
  } catch (error) {
    if (interrupted.signal.aborted) return 0;
    stderr.write(`${(error as Error).message}\n`);
    return error instanceof UnknownProviderError ? 2 : 1;
  } finally {
    await mocks?.stop();
    signals.off("SIGINT", interrupt);
    signals.off("SIGTERM", interrupt);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      verbose: { type: "boolean", short: "v" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function describeMocks(mocks: RunningMocks, root: string): string {
  const rows = Object.entries(mocks.mocks).map(([provider, mock]) => [provider, mock.url, relative(root, mock.specPath)]);
  return formatTable([["provider", "URL", "spec"], ...rows]);
}

import { UnknownProviderError } from "./errors.js";
import { getFreePorts } from "./free-port.js";
import { type PrismMock, type PrismOptions, startPrism } from "./prism.js";
import { findProvider, listProviders, type Provider } from "./providers.js";

/** Options for {@link startMocks}. */
export interface StartMocksOptions extends Pick<PrismOptions, "host" | "errors" | "timeoutMs" | "signal"> {
  /**
   * Names from the `apis` table in redocly.yaml.
   * @default every provider
   */
  providers?: string[];
  /**
   * `"free"`: any free port, for tests that may run side by side. `"fixed"`: the dev ports in `DEV_PORTS`.
   * @default "free"
   */
  ports?: "free" | "fixed";
  /**
   * The repo root holding redocly.yaml.
   * @default the nearest directory above this package with pnpm-workspace.yaml
   */
  root?: string;
  /** Receives each line a mock prints, with its provider name. */
  onLog?: (provider: string, line: string) => void;
}

/** Mocks started by {@link startMocks}. */
export interface RunningMocks {
  /** Base URL of each provider's mock, by provider name. */
  urls: Record<string, string>;
  mocks: Record<string, PrismMock>;
  /** Stops every mock; resolves once all have exited. Idempotent. */
  stop(): Promise<void>;
}

/** Starts the Prism mocks of the given providers in parallel and resolves once every one answers. */
export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const { providers: names, ports = "free", root, onLog, signal, host = "127.0.0.1", ...prismOptions } = options;
  const selected = selectProviders(names, root);
  const freePorts = ports === "free" ? await getFreePorts(selected.length, host) : [];

  // When one mock fails the others are aborted rather than left to finish starting.
  const abandon = new AbortController();
  const starting = selected.map((provider, i) =>
    startPrism({
      ...prismOptions,
      host,
      specPath: provider.specPath,
      port: freePorts[i] ?? provider.port,
      provider: provider.name,
      signal: signal ? AbortSignal.any([abandon.signal, signal]) : abandon.signal,
      onLog: onLog && ((line) => onLog(provider.name, line)),
    }).catch((error: unknown) => {
      abandon.abort();
      throw error;
    }),
  );
  const results = await Promise.allSettled(starting);

  const started = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= Promise.all(started.map((mock) => mock.stop())).then(() => undefined));

  if (signal?.aborted) {
    await stop();
    throw signal.reason;
  }
  const failures = results.flatMap((result) => (result.status === "rejected" && result.reason !== abandon.signal.reason ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    await stop();
    if (failures.length === 1) throw failures[0];
    throw new AggregateError(failures, failures.map((error) => (error as Error).message).join("\n"));
  }

  const mocks = Object.fromEntries(started.map((mock, i) => [selected[i]!.name, mock]));
  const urls = Object.fromEntries(started.map((mock, i) => [selected[i]!.name, mock.url]));
  return { urls, mocks, stop };
}

/** The named providers, each read from its own config (a test of one provider reads nothing of the others); every one without names. */
function selectProviders(names: string[] | undefined, root: string | undefined): Provider[] {
  if (names === undefined || names.length === 0) return listProviders(root);
  return [...new Set(names)].map((name) => {
    const provider = findProvider(name, root);
    if (provider === undefined) {
      throw new UnknownProviderError(
        name,
        listProviders(root).map((candidate) => candidate.name),
      );
    }
    return provider;
  });
}

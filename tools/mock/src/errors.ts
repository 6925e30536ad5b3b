/** Options for {@link MockStartError}. */
export interface MockStartErrorOptions {
  specPath: string;
  provider?: string | undefined;
  output?: string[];
  cause?: unknown;
}

/**
 * A mock that did not start: its spec is missing or broken, its port is taken, no Node fits Prism, or Prism did not
 * answer in time.
 */
export class MockStartError extends Error {
  override name = "MockStartError";
  readonly specPath: string;
  readonly provider: string | undefined;
  /** Prism's last output lines, oldest first. */
  readonly output: string[];

  constructor(reason: string, options: MockStartErrorOptions) {
    const { specPath, provider, output = [], cause } = options;
    const subject = provider === undefined ? specPath : `${provider} (${specPath})`;
    super(`Mock of ${subject} did not start: ${reason}${describeOutput(output)}`, { cause });
    this.specPath = specPath;
    this.provider = provider;
    this.output = output;
  }
}

/** A provider name that redocly.yaml does not list. */
export class UnknownProviderError extends Error {
  override name = "UnknownProviderError";
  readonly provider: string;
  readonly known: string[];

  constructor(provider: string, known: string[]) {
    super(`Unknown provider "${provider}". Known providers: ${known.join(", ")}`);
    this.provider = provider;
    this.known = known;
  }
}

const TAIL_LINES = 12;

function describeOutput(output: string[]): string {
  if (output.length === 0) return "";
  // Prism states the cause on its `fatal` log line (label padded by signale), which a long
  // stack dump can push out of the tail.
  const fatal = output.filter((line) => /\sfatal\s{2,}/.test(line));
  const tail = output.slice(-TAIL_LINES).filter((line) => !fatal.includes(line));
  return `\nPrism output:\n${[...fatal, ...tail].map((line) => `  ${line}`).join("\n")}`;
}

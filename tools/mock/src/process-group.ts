import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/** How a process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process leading its own process group. */
export interface ProcessGroup {
  readonly child: ChildProcessWithoutNullStreams;
  readonly pid: number;
  /** Settles once the leader has exited, for whatever reason. */
  readonly exited: Promise<ExitStatus>;
  /** Sends SIGTERM to the group, SIGKILL after the grace period; resolves once the leader has exited. Idempotent. */
  stop(): Promise<void>;
}

/** Options for {@link spawnProcessGroup}. */
export interface ProcessGroupOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * How long `stop()` waits after SIGTERM before sending SIGKILL.
   * @default 3000
   */
  graceMs?: number;
}

/** Spawns `command` as the leader of a new process group, so stopping it also stops anything it started. */
export function spawnProcessGroup(command: string, args: string[], options: ProcessGroupOptions = {}): ProcessGroup {
  const { env = process.env, graceMs = 3000 } = options;
  const child = spawn(command, args, { detached: true, stdio: "pipe", env });
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  const pid = child.pid ?? -1;
  let stopping: Promise<void> | undefined;
  return {
    child,
    pid,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null || pid < 0) return;
        signalGroup(pid, "SIGTERM");
        const escalate = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
        await exited;
        clearTimeout(escalate);
      })();
      return stopping;
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

import type { LoadedSpec } from "./read-spec.js";
import { SpecError } from "./spec-error.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** What codegen reads from one operation. */
export interface OperationEntry {
  operationId: string;
  method: (typeof methods)[number];
  path: string;
  summary: string | undefined;
  retrySafe: boolean;
  /** Success statuses whose response has an application/json body. */
  jsonStatuses: number[];
}

type Operation = {
  operationId?: unknown;
  summary?: string;
  "x-signhub-retry"?: { safe?: unknown };
  responses?: Record<string, unknown>;
};

/** Every operation of a spec; a missing or repeated operationId or retry decision is a `SpecError`. */
export function readOperations(spec: LoadedSpec): OperationEntry[] {
  const paths = spec.doc.paths as Record<string, unknown> | undefined;
  if (!paths || typeof paths !== "object") throw new SpecError(spec.file, "has no paths");
  const entries: OperationEntry[] = [];
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = spec.deref(item) as Record<string, unknown>;
    for (const method of methods) {
      const op = pathItem[method] as Operation | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const { operationId } = op;
      if (typeof operationId !== "string" || !/^[A-Za-z_$][\w$]*$/.test(operationId)) {
        throw new SpecError(spec.file, `${where} has no usable operationId (it names the client method)`);
      }
      if (ids.has(operationId)) throw new SpecError(spec.file, `${where} repeats operationId "${operationId}"`);
      ids.add(operationId);
      const safe = op["x-signhub-retry"]?.safe;
      if (typeof safe !== "boolean") {
        throw new SpecError(spec.file, `${where} (${operationId}) has no x-signhub-retry.safe: say whether it may be repeated`);
      }
      entries.push({ operationId, method, path, summary: op.summary, retrySafe: safe, jsonStatuses: jsonStatuses(spec, op) });
    }
  }
  return entries;
}

function jsonStatuses(spec: LoadedSpec, op: Operation): number[] {
  return Object.entries(op.responses ?? {})
    .filter(([status]) => /^2\d\d$/.test(status))
    .filter(([, response]) => {
      const content = (spec.deref(response) as { content?: Record<string, unknown> }).content ?? {};
      return Object.keys(content).some((type) => /^application\/(.+\+)?json\b/.test(type));
    })
    .map(([status]) => Number(status));
}

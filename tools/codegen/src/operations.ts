import { type HttpMethod, type OperationSpec, RESERVED_OPERATION_IDS } from "./operation-spec.js";
import { readParameters } from "./parameters.js";
import type { LoadedSpec } from "./read-spec.js";
import { readRequestBody } from "./request-body.js";
import { SpecError } from "./spec-error.js";

const methods: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const identifier = /^[A-Za-z_$][\w$]*$/;

/** What codegen reads from one operation: its name and summary, and its row of the runtime table. */
export interface OperationEntry extends OperationSpec {
  operationId: string;
  summary: string | undefined;
}

type PathItem = { parameters?: unknown; servers?: unknown } & Partial<Record<HttpMethod, Operation>>;
type Operation = {
  operationId?: unknown;
  summary?: unknown;
  "x-signhub-retry"?: { safe?: unknown } | null;
  parameters?: unknown;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  servers?: unknown;
  security?: unknown;
};
type Server = { url?: unknown; variables?: Record<string, { default?: unknown } | null> } | null;

/**
 * Every operation of a spec. Every problem found (a missing, reserved or repeated operationId, a missing
 * retry decision, a server variable without a default…) is collected into one `SpecError`.
 */
export function readOperations(spec: LoadedSpec): OperationEntry[] {
  const paths = spec.doc.paths as Record<string, unknown> | undefined;
  if (!paths || typeof paths !== "object") throw new SpecError(spec.file, "has no paths");
  const entries: OperationEntry[] = [];
  const problems: string[] = [];
  const firstUse = new Map<string, string>();
  const schemes = (spec.doc.components as { securitySchemes?: unknown } | undefined)?.securitySchemes;
  const definesSchemes = typeof schemes === "object" && schemes !== null && Object.keys(schemes).length > 0;
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) continue; // a Paths Object extension (`x-…`)
    const pathItem = (spec.deref(item) ?? {}) as PathItem;
    for (const method of methods) {
      const op = pathItem[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const { operationId } = op;
      const named = typeof operationId === "string" && identifier.test(operationId);
      const at = named ? `${where} (${operationId})` : where;
      const report = (problem: string) => problems.push(`${at}: ${problem}`);
      if (!named) {
        problems.push(
          typeof operationId === "string"
            ? `${where} has no usable operationId: ${JSON.stringify(operationId)} is not a JavaScript identifier, and it names the client method`
            : `${where} has no usable operationId (it names the client method)`,
        );
      } else if (RESERVED_OPERATION_IDS.includes(operationId)) {
        report(`operationId "${operationId}" is reserved: it would replace or break a client member; rename it`);
      } else if (firstUse.has(operationId)) {
        problems.push(`${where} repeats operationId "${operationId}" of ${firstUse.get(operationId)}`);
      } else {
        firstUse.set(operationId, where);
      }
      const safe = op["x-signhub-retry"]?.safe;
      if (typeof safe !== "boolean") problems.push(`${at} has no x-signhub-retry.safe: say whether it may be repeated`);

      const parameters = readParameters(spec, [pathItem.parameters, op.parameters], report);
      const requestBody = op.requestBody === undefined ? undefined : readRequestBody(spec.deref(op.requestBody) as object, report);
      const servers = readServers(nonEmpty(op.servers) ?? nonEmpty(pathItem.servers), report);
      // Neither the operation nor the document requires a scheme the spec defines: the operation takes no
      // credentials (OpenAPI 3.1 §4.8.10, §4.8.30), and none the client holds may go to it.
      const security = Array.isArray(op.security) ? op.security : Array.isArray(spec.doc.security) ? spec.doc.security : definesSchemes ? [] : undefined;
      entries.push({
        operationId: String(operationId),
        summary: typeof op.summary === "string" ? op.summary : undefined,
        method,
        path,
        retrySafe: safe === true,
        ...(parameters.length ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses: readResponses(spec, op.responses),
        ...(servers ? { servers } : {}),
        // Each requirement object's scheme names; `{}` (no credentials) gives `[]`.
        ...(security ? { security: security.map((requirement: unknown) => Object.keys(requirement ?? {})) } : {}),
      });
    }
  }
  if (problems.length) throw new SpecError(spec.file, problems);
  return entries;
}

/** Each documented response by status key as written, then media type → whether it has a schema. */
function readResponses(spec: LoadedSpec, responses: Record<string, unknown> = {}): OperationSpec["responses"] {
  const read = Object.entries(responses)
    .filter(([status]) => !status.startsWith("x-")) // a Responses Object extension
    .map(([status, response]) => {
      const content = (spec.deref(response) as { content?: Record<string, { schema?: unknown } | null> } | null)?.content ?? {};
      return [status, Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media?.schema !== undefined]))] as const;
    });
  return Object.fromEntries(read);
}

/** Server URLs with each `{variable}` set to its default (OpenAPI 3.1, Server Variable Object: `default` is required). */
function readServers(servers: Server[] | undefined, report: (problem: string) => void): string[] | undefined {
  return servers?.map((server) => {
    const url = server?.url;
    if (typeof url !== "string") {
      report("a server has no url");
      return "";
    }
    return url.replace(/\{([^}]*)\}/g, (variable, name: string) => {
      const value = server?.variables?.[name]?.default;
      if (typeof value === "string") return value;
      report(`server ${url} gives variable "${name}" no default`);
      return variable;
    });
  });
}

function nonEmpty(list: unknown): Server[] | undefined {
  return Array.isArray(list) && list.length > 0 ? list : undefined;
}

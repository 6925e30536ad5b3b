import { readFileSync, writeFileSync } from "node:fs";
import { openapiOverlay } from "openapi-format";
import { Document, isSeq, parseDocument } from "yaml";
import type { HttpMethod } from "./operation-spec.js";
import { SpecError } from "./spec-error.js";

/** An OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0). */
export interface Overlay {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

/** One action: `update` is merged into every node `target` (a JSONPath) selects; `remove` deletes them. */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

const methods: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// RFC 9110 §9.2.2: idempotent methods may be repeated; POST and PATCH may not.
const safeMethods: ReadonlySet<string> = new Set(["get", "head", "put", "delete", "options", "trace"]);
const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * signhub's first additions to a published spec (a bundled document): per operation, a retry decision
 * defaulted from its method, and a name where the spec gives none or one that is not a JavaScript
 * identifier. The user edits the result; nothing is written into the vendor's files.
 */
export function firstOverlay(doc: Record<string, unknown>, title: string): Overlay {
  const actions: OverlayAction[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown> | null>)) {
    if (!path.startsWith("/") || !item) continue;
    for (const method of methods) {
      const op = item[method] as { operationId?: unknown; "x-signhub-retry"?: unknown } | undefined;
      if (!op) continue;
      const update: Record<string, unknown> = {};
      const { operationId } = op;
      if (typeof operationId !== "string" || !identifier.test(operationId)) {
        update.operationId = typeof operationId === "string" && operationId.trim() ? camelCase(operationId) : operationName(method, path);
      }
      if (op["x-signhub-retry"] === undefined) {
        update["x-signhub-retry"] = { safe: safeMethods.has(method), reason: `default for ${method.toUpperCase()}` };
      }
      if (Object.keys(update).length) actions.push({ target: operationTarget(path, method), description: `${method.toUpperCase()} ${path}`, update });
    }
  }
  return { overlay: "1.0.0", info: { title: `signhub additions to ${title}`, version: "1.0.0" }, actions };
}

/** The overlay as YAML, with a note on what to edit. */
export function overlayText(overlay: Overlay): string {
  const document = new Document(overlay);
  document.commentBefore = [
    " signhub's additions to the published spec beside this file, applied before lint, codegen and mocks",
    " (OpenAPI Overlay 1.0). Edit freely: a retry decision (`safe`, `reason`) or a method name (`operationId`)",
    " per operation. The published files stay as the vendor wrote them.",
  ].join("\n");
  return document.toString({ lineWidth: 0 });
}

/**
 * Appends actions to an overlay file, after the ones there, with `comment` before the first of them; the
 * file's own comments and layout are kept.
 */
export function appendOverlayActions(file: string, actions: readonly OverlayAction[], comment: string): void {
  if (!actions.length) return;
  const overlay = parseDocument(readFileSync(file, "utf8"));
  const list = overlay.get("actions");
  if (!isSeq(list)) throw new SpecError(file, "has no actions list");
  actions.forEach((action, i) => {
    const node = overlay.createNode(action);
    if (i === 0) node.commentBefore = comment;
    list.add(node);
  });
  writeFileSync(file, overlay.toString({ lineWidth: 0 }));
}

/** `GET /users/{id}/repos` → `getUsersByIdRepos`: a name made from the method and the path alone. */
export function operationName(method: string, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      return parameter ? ["by", ...splitWords(parameter[1]!)] : splitWords(segment);
    });
  return camelCase([method, ...words].join(" "));
}

/** `repos/get-content` → `reposGetContent`. A leading digit gets an underscore. */
export function camelCase(text: string): string {
  const name = splitWords(text)
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join("");
  return /^\d/.test(name) ? `_${name}` : name;
}

function splitWords(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** A JSONPath selecting one operation (RFC 9535 name selectors, single-quoted). */
export function operationTarget(path: string, method: string): string {
  return `$.paths['${path.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'].${method}`;
}

/**
 * Applies an overlay to a parsed document and returns the result (the input is left as it was). An action
 * whose target selects nothing — an operation the vendor renamed or removed — is a `SpecError`, all of them at once.
 */
export async function applyOverlay(doc: Record<string, unknown>, overlay: unknown, overlayFile: string): Promise<Record<string, unknown>> {
  const { overlay: version, actions } = (overlay ?? {}) as Partial<Overlay>;
  if (typeof version !== "string" || !/^1\.0\.\d+$/.test(version))
    throw new SpecError(overlayFile, `is not an Overlay 1.0 document (overlay: ${JSON.stringify(version)})`);
  if (!Array.isArray(actions)) throw new SpecError(overlayFile, "has no actions list");
  const result = await openapiOverlay(structuredClone(doc) as never, { overlaySet: overlay as never });
  const unused = (result.resultData as { unusedActions?: OverlayAction[] } | undefined)?.unusedActions ?? [];
  if (unused.length) {
    throw new SpecError(
      overlayFile,
      unused.map((action) => `action ${JSON.stringify(action?.target)} selects nothing in the spec (changed upstream?): edit or remove it`),
    );
  }
  return result.data as Record<string, unknown>;
}

import { type OverlayAction, operationTarget } from "@signhub/codegen";
/** The extension, on an operation, that lists the contract cases a defect of the spec itself breaks. */
export const SPEC_DEFECTS = "x-signhub-spec-defects";

/**
 * An operation's known spec defects: response key as the spec writes it (`"200"`, `"4XX"`, `"default"`;
 * followed by a media type, `"201 multipart/form-data"`, for the case sending the request body as that) →
 * the reason, a part of Prism's violation (`Response body property id must be integer`). A vendor's spec gets them
 * from signhub's overlay:
 *
 * ```yaml
 * - target: $.paths['/pets'].get
 *   update:
 *     x-signhub-spec-defects:
 *       "200": Response body property 0.id must be integer
 * ```
 */
export function knownDefects(operation: Record<string, unknown> | undefined, where: string): Record<string, string> {
  const listed = operation?.[SPEC_DEFECTS];
  if (listed === undefined) return {};
  const valid =
    typeof listed === "object" &&
    listed !== null &&
    !Array.isArray(listed) &&
    Object.values(listed).every((reason) => typeof reason === "string" && reason.trim() !== "");
  if (!valid) throw new Error(`${where}: ${SPEC_DEFECTS} must map response keys to Prism's reason (a non-empty string)`);
  // `<response key>`, or `<response key> <media type>` for the case that sends the body in that media type.
  const mediaTypes = ((operation?.requestBody as { content?: object } | undefined)?.content ?? {}) as object;
  const unknown = Object.keys(listed).filter((key) => {
    const [response = "", mediaType] = key.split(" ", 2);
    return !(response in ((operation?.responses as object | undefined) ?? {})) || (mediaType !== undefined && !(mediaType in mediaTypes));
  });
  if (unknown.length) throw new Error(`${where}: ${SPEC_DEFECTS} names ${unknown.join(", ")}, which the operation does not document`);
  return listed as Record<string, string>;
}

/** How much of Prism's reason a hint suggests listing: a known defect's reason is a part of the failure, so a prefix still matches. */
export const HINT_REASON_LENGTH = 160;

/**
 * How to list a failing case as the spec's own defect, with Prism's first reason (cut to
 * `HINT_REASON_LENGTH` characters, after a space or comma past its middle): an overlay action for a
 * published spec, the operation's extension for a hand-written one. Empty when Prism named no reason.
 */
export function defectHint(
  reasons: readonly string[],
  at: { method: string; path: string; key: string; target: string; overlay: string | undefined; spec: string },
): string {
  const reason = reasons[0];
  if (reason === undefined) return "";
  const entry = `${SPEC_DEFECTS}:\n  ${JSON.stringify(at.key)}: ${JSON.stringify(shortened(reason))}`;
  const indent = (text: string, by: string) => text.replace(/^/gm, by);
  const listing = at.overlay
    ? `add this action to ${at.overlay}:\n${indent(`- target: ${at.target}\n  update:\n${indent(entry, "    ")}`, "  ")}`
    : `add this to ${at.method.toUpperCase()} ${at.path} in ${at.spec}:\n${indent(entry, "  ")}`;
  return `If the spec itself is at fault (its example breaks its schema, or Prism cannot make a body its schema accepts), ${listing}\nIf the call is at fault, fix it in the contract test.`;
}

/** A reason's first `HINT_REASON_LENGTH` characters, ending after a space or comma past the middle when there is one. */
export function shortened(reason: string): string {
  if (reason.length <= HINT_REASON_LENGTH) return reason;
  const cut = reason.slice(0, HINT_REASON_LENGTH);
  const boundary = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf(",") + 1);
  return (boundary > HINT_REASON_LENGTH / 2 ? cut.slice(0, boundary) : cut).trimEnd();
}

/**
 * Set to `1` when running a published spec's contract test to record, rather than fail, each case that fails
 * for a reason Prism names: each becomes an `x-signhub-spec-defects` entry appended to the provider's overlay
 * (one action per operation), for review in the diff. A hand-written spec's cases are never recorded.
 */
export const RECORD_SPEC_DEFECTS = "SIGNHUB_RECORD_SPEC_DEFECTS";

/** Failing cases recorded as a published spec's own defects: one overlay action per operation. */
export class DefectRecording {
  readonly #byTarget = new Map<string, { label: string; refused: boolean; defects: Record<string, string> }>();

  /**
   * A case (`key`: the response as the spec writes it, then the request's media type for a case that sends
   * the body as one) that fails for Prism's `reason`, cut as a hint cuts it; `refused` when Prism found the
   * request at fault (the call, the spec's own request example, or Prism's reading of the body may be).
   */
  record(path: string, method: string, key: string, reason: string, refused = false): void {
    const target = operationTarget(path, method);
    const entry = this.#byTarget.get(target) ?? { label: `${method.toUpperCase()} ${path}`, refused: false, defects: {} };
    entry.defects[key] ??= shortened(reason);
    entry.refused ||= refused;
    this.#byTarget.set(target, entry);
  }

  /** How many cases were recorded. */
  get size(): number {
    return [...this.#byTarget.values()].reduce((count, entry) => count + Object.keys(entry.defects).length, 0);
  }

  /** The overlay actions that list them. */
  actions(): OverlayAction[] {
    return [...this.#byTarget].map(([target, { label, refused, defects }]) => ({
      target,
      description: refused
        ? `${label}: cases Prism fails, some for their request: check the call, the spec's request example, and Prism's known bugs (tools/mock/test/prism-known-bugs.test.ts)`
        : `${label}: cases Prism fails for the spec's own defects or what it cannot answer, as it reported them`,
      update: { [SPEC_DEFECTS]: { ...defects } },
    }));
  }
}

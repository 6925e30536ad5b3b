import { type ApiErrorInit, ConflictError } from "@signhub/core";

/** `changeSignerFactor` lost the race every time: another writer changed the factor between each read and write. */
export class ParentHashConflictError extends ConflictError {
  override name = "ParentHashConflictError";
  /** The hash this client last sent as `data.parent`. */
  readonly sentParent: string;
  /** The factor's current hash, read after the last rejection. */
  readonly currentHash: string | undefined;
  readonly attempts: number;

  constructor(message: string, init: ApiErrorInit & { sentParent: string; currentHash: string | undefined; attempts: number }) {
    super(message, init);
    this.sentParent = init.sentParent;
    this.currentHash = init.currentHash;
    this.attempts = init.attempts;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), sentParent: this.sentParent, currentHash: this.currentHash, attempts: this.attempts };
  }
}

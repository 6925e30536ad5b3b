import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { CallOptions } from "./transport.js";

type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One operation as codegen reads it from the spec. */
export interface OperationSpec {
  readonly method: Method;
  readonly path: string;
  /** The spec's `x-signhub-retry.safe`: whether the operation may be repeated automatically. */
  readonly retrySafe: boolean;
  /** Success statuses whose body the spec promises as JSON. */
  readonly jsonStatuses: readonly number[];
}

/** Every operation of a spec, by operationId. */
export type OperationTable = Readonly<Record<string, OperationSpec>>;

type PathItem<Paths, Op extends OperationSpec> = Paths[Op["path"] & keyof Paths];
type Init<Paths, Op extends OperationSpec> = MaybeOptionalInit<PathItem<Paths, Op>, Op["method"] & keyof PathItem<Paths, Op>>;

/** What an operation method takes: openapi-fetch's request object plus per-call `maxRetries` and `timeoutMs`. */
export type OperationInit<Paths, Op extends OperationSpec> = NonNullable<Init<Paths, Op>> & CallOptions;

/** What an operation method resolves to: the typed body of its success response. */
export type OperationResult<Paths, Op extends OperationSpec> = NonNullable<
  FetchResponse<PathItem<Paths, Op>[Op["method"] & keyof PathItem<Paths, Op>] & Record<string | number, any>, {}, `${string}/${string}`>["data"]
>;

/** One method per operationId; `init` may be left out when nothing in it is required. */
export type OperationMethods<Paths, Ops extends OperationTable> = {
  [Id in keyof Ops]: (
    ...init: undefined extends Init<Paths, Ops[Id]>
      ? [init?: OperationInit<Paths, Ops[Id]>]
      : [init: OperationInit<Paths, Ops[Id]>]
  ) => Promise<OperationResult<Paths, Ops[Id]>>;
};

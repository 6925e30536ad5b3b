import type { OperationEntry } from "./operations.js";
import type { LoadedSpec } from "./read-spec.js";

type Example = { value?: unknown };
type Schema = { type?: string | string[]; example?: unknown; examples?: unknown[]; enum?: unknown[]; default?: unknown };
type Parameter = { name: string; in: string; required?: boolean; example?: unknown; examples?: Record<string, unknown>; schema?: Schema };
type MediaType = { example?: unknown; examples?: Record<string, unknown>; schema?: Schema };

/**
 * A valid call of one operation for a contract test, written from the spec's own examples: every path
 * parameter and required query or header parameter, and the request body. Returns TypeScript source.
 */
export function contractCall(spec: LoadedSpec, op: OperationEntry): string {
  const pathItem = spec.deref((spec.doc.paths as Record<string, unknown>)[op.path]) as Record<string, unknown>;
  const operation = pathItem[op.method] as { parameters?: unknown[]; requestBody?: unknown };
  // Merged as the operation table merges them: an operation's parameter replaces its path item's by name and in.
  const parameters = new Map<string, Parameter>();
  for (const item of [...((pathItem.parameters as unknown[]) ?? []), ...(operation.parameters ?? [])]) {
    const parameter = spec.deref(item) as Parameter;
    parameters.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const params: Record<string, Record<string, unknown>> = {};
  for (const parameter of parameters.values()) {
    if (parameter.in !== "path" && !parameter.required) continue;
    params[parameter.in] ??= {};
    params[parameter.in]![parameter.name] = parameterExample(spec, parameter);
  }
  const parts = Object.keys(params).length ? [`params: ${JSON.stringify(params)}`] : [];
  const body = operation.requestBody && requestBodyExample(spec, operation.requestBody);
  if (body !== undefined) parts.push(`body: ${JSON.stringify(body)}`);
  parts.push("headers");
  return `(client, headers) => client.${op.operationId}({ ${parts.join(", ")} })`;
}

function parameterExample(spec: LoadedSpec, parameter: Parameter): unknown {
  const named = Object.values(parameter.examples ?? {})[0];
  if (named !== undefined) return (spec.deref(named) as Example).value;
  return parameter.example ?? schemaExample(spec.deref(parameter.schema ?? {}));
}

function requestBodyExample(spec: LoadedSpec, requestBody: unknown): unknown {
  const { content = {}, required } = spec.deref(requestBody) as { content?: Record<string, MediaType>; required?: boolean };
  const json = Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];
  if (!json) return undefined;
  const named = Object.values(json.examples ?? {})[0];
  if (named !== undefined) return (spec.deref(named) as Example).value;
  if (json.example !== undefined) return json.example;
  const schema = spec.deref(json.schema ?? {});
  return schema.example ?? schema.examples?.[0] ?? (required ? {} : undefined);
}

function schemaExample(schema: Schema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const fallback = type === "integer" || type === "number" ? 1 : type === "boolean" ? true : "example";
  return schema.example ?? schema.examples?.[0] ?? schema.enum?.[0] ?? schema.default ?? fallback;
}

import type { ParameterLocation, ParameterSpec, ParameterStyle } from "./operation-spec.js";
import type { LoadedSpec } from "./read-spec.js";

type Parameter = { name?: unknown; in?: unknown; style?: unknown; explode?: unknown; allowReserved?: unknown; required?: unknown; content?: unknown };

/** The styles OpenAPI 3.1 defines for each location (Parameter Object, "Style Values"); the first is the default. */
export const stylesByLocation: Readonly<Record<ParameterLocation, readonly ParameterStyle[]>> = {
  path: ["simple", "matrix", "label"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

/**
 * An operation's parameters with OpenAPI's defaults filled in: its path item's, then its own, where an
 * operation's parameter replaces the path item's of the same `name` and `in` (OpenAPI 3.1, Path Item Object `parameters`) in place.
 */
export function readParameters(spec: LoadedSpec, levels: unknown[], report: (problem: string) => void): ParameterSpec[] {
  const merged = new Map<string, Parameter>();
  for (const list of levels) {
    for (const item of Array.isArray(list) ? list : []) {
      const parameter = spec.deref(item) as Parameter;
      merged.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
    }
  }
  const read: ParameterSpec[] = [];
  for (const parameter of merged.values()) {
    const problem = check(parameter);
    if (problem) report(problem);
    else read.push(withDefaults(parameter as Parameter & { name: string; in: ParameterLocation }));
  }
  return read;
}

function check({ name, in: location, style, content }: Parameter): string | undefined {
  if (typeof name !== "string") return "a parameter has no name";
  if (!isLocation(location)) return `parameter "${name}" has in: ${JSON.stringify(location)}, which OpenAPI 3.1 does not define`;
  const styles = stylesByLocation[location];
  if (style !== undefined && !styles.includes(style as ParameterStyle)) {
    return `${location} parameter "${name}" has style ${JSON.stringify(style)}; OpenAPI 3.1 allows ${styles.join(", ")} there`;
  }
  if (content !== undefined && Object.keys(content ?? {}).length !== 1) return `parameter "${name}" must give exactly one media type in its content`;
  return undefined;
}

function withDefaults(parameter: Parameter & { name: string; in: ParameterLocation }): ParameterSpec {
  const style = (parameter.style as ParameterStyle | undefined) ?? stylesByLocation[parameter.in][0]!;
  const contentType = parameter.content === undefined ? undefined : Object.keys(parameter.content as object)[0];
  return {
    name: parameter.name,
    in: parameter.in,
    style,
    explode: typeof parameter.explode === "boolean" ? parameter.explode : style === "form",
    // OpenAPI 3.1, Parameter Object: allowReserved "only applies to parameters with an in value of query".
    ...(parameter.in === "query" && parameter.allowReserved === true ? { allowReserved: true } : {}),
    ...(parameter.in === "path" || parameter.required === true ? { required: true } : {}),
    ...(contentType === undefined ? {} : { contentType }),
  };
}

function isLocation(value: unknown): value is ParameterLocation {
  return typeof value === "string" && Object.hasOwn(stylesByLocation, value);
}

import type { EncodingSpec, ParameterStyle, RequestBodySpec } from "./operation-spec.js";
import { stylesByLocation } from "./parameters.js";

type RequestBody = { required?: unknown; content?: Record<string, { encoding?: Record<string, Encoding> } | null> };
type Encoding = { contentType?: unknown; style?: unknown; explode?: unknown; allowReserved?: unknown };

/**
 * A request body (already dereferenced): whether it is required, and per media type the Encoding Object's
 * fields that say how a property is written. Properties whose encoding says none of them are left out.
 */
export function readRequestBody(body: RequestBody, report: (problem: string) => void): RequestBodySpec {
  const content = Object.entries(body.content ?? {}).map(([type, media]) => {
    const encoding = Object.entries(media?.encoding ?? {})
      .map(([property, value]) => [property, readEncoding(property, value ?? {}, report)] as const)
      .filter(([, value]) => Object.keys(value).length > 0);
    return [type, encoding.length ? { encoding: Object.fromEntries(encoding) } : {}] as const;
  });
  return { required: body.required === true, content: Object.fromEntries(content) };
}

function readEncoding(property: string, { contentType, style, explode, allowReserved }: Encoding, report: (problem: string) => void): EncodingSpec {
  // OpenAPI 3.1, Encoding Object: its style is a query parameter's.
  if (style !== undefined && !stylesByLocation.query.includes(style as ParameterStyle)) {
    report(`the encoding of body property "${property}" has style ${JSON.stringify(style)}; OpenAPI 3.1 allows ${stylesByLocation.query.join(", ")}`);
  }
  return {
    ...(typeof contentType === "string" ? { contentType } : {}),
    ...(typeof style === "string" ? { style: style as ParameterStyle } : {}),
    ...(typeof explode === "boolean" ? { explode } : {}),
    ...(typeof allowReserved === "boolean" ? { allowReserved } : {}),
  };
}

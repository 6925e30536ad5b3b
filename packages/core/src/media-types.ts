/**
 * Media types as signhub treats bodies: what a media type's name says about how its body is written and
 * read. Parameters (`; charset=utf-8`) never change the kind (RFC 9110 §8.3.1).
 */

/** How a body of a media type is written and read. */
export type BodyKind = "json" | "text" | "form" | "multipart" | "binary";

/** The media type without its parameters, lower case: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  const semicolon = mediaType.indexOf(";");
  return (semicolon === -1 ? mediaType : mediaType.slice(0, semicolon)).trim().toLowerCase();
}

/** The kind of body a media type carries: JSON (`application/json`, any `+json`), text (`text/*`), form, multipart, else binary. */
export function bodyKind(mediaType: string): BodyKind {
  const type = essence(mediaType);
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type.startsWith("text/")) return "text";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/")) return "multipart";
  return "binary";
}

/** Whether `mediaType` (a concrete one, as sent) falls under `declared`, which may be a range (`image/*`, `*\/*`). */
export function mediaTypeMatches(declared: string, mediaType: string): boolean {
  const want = essence(declared);
  const got = essence(mediaType);
  if (want === got || want === "*/*") return true;
  return want.endsWith("/*") && got.startsWith(want.slice(0, -1));
}

/** The declared media type that `mediaType` falls under: an exact match first, then the narrowest range. */
export function findDeclared(declared: readonly string[], mediaType: string): string | undefined {
  const got = essence(mediaType);
  return (
    declared.find((type) => essence(type) === got) ??
    declared.find((type) => type !== "*/*" && mediaTypeMatches(type, got)) ??
    declared.find((type) => essence(type) === "*/*")
  );
}

/** Among several media types an operation offers, the default: the first JSON one, else the first. */
export function defaultMediaType(declared: readonly string[]): string | undefined {
  return declared.find((type) => bodyKind(type) === "json") ?? declared[0];
}

/** Whether a declared media type is a range (`image/*`), which cannot be sent as a `Content-Type`. */
export const isRange = (mediaType: string): boolean => essence(mediaType).includes("*");

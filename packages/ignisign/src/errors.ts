import { errorFields, type ProviderError } from "@signhub/core";

// Every error status answers { message, timestamp, status, code, context }.
const fields = errorFields({ code: "code", message: "message" });

/**
 * Reads Ignisign's error body: its `code`, and its `message`, which a validation error gives as a list of
 * messages (one per failed constraint), joined here with "; ". Only strings are read: an object in the
 * list could carry a secret under a field name that no message scrubbing would recognise.
 */
export function parseIgnisignError(body: unknown): ProviderError {
  const parsed = fields(body);
  if (parsed.message !== undefined) return parsed;
  const message = (body as { message?: unknown } | null)?.message;
  if (!Array.isArray(message)) return parsed;
  const texts = message.filter((item): item is string => typeof item === "string" && item.trim() !== "");
  return texts.length === 0 ? parsed : { ...parsed, message: texts.join("; ") };
}

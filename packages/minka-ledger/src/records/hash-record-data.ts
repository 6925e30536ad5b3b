import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** A record's `hash`: lowercase hex SHA-256 of the RFC 8785 canonical JSON of its `data`. */
export function hashRecordData(data: unknown): string {
  return hash("sha256", canonicalJson(data, "data"), "hex");
}

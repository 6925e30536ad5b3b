import { expect, test } from "vitest";
import { createWireClient, recordingFetch } from "./wire-client.js";

test("every printable ASCII character, and some beyond, is percent-encoded in a path as encodeURIComponent encodes it", async () => {
  const values: (string | number | boolean)[] = [];
  for (let code = 0x20; code < 0x7f; code++) values.push(String.fromCharCode(code), `a${String.fromCharCode(code)}b`);
  values.push("é", "日本", "😀", 0, 42, -1.5, true, false);
  const { fetch, seen } = recordingFetch();
  const client = createWireClient({ fetch });
  const sendable = values.filter((value) => value !== ".");
  for (const value of sendable) await client.pathSimple({ params: { path: { color: value as string } } });
  expect(seen.map((request) => request.url)).toEqual(sendable.map((value) => `https://api.wire.test/v1/path/simple/${encodeURIComponent(value)}`));
});

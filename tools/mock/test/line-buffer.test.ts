import { expect, test } from "vitest";
import { createLineBuffer } from "../src/line-buffer.js";

test("keeps every line, oldest first, until the limit", () => {
  const buffer = createLineBuffer(3);
  buffer.push("a");
  buffer.push("b");
  expect(buffer.lines()).toEqual(["a", "b"]);
});

test("keeps only the last lines once past the limit", () => {
  const buffer = createLineBuffer(3);
  for (const line of ["a", "b", "c", "d", "e"]) buffer.push(line);
  expect(buffer.lines()).toEqual(["c", "d", "e"]);
});

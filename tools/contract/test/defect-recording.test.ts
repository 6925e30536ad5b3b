import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendOverlayActions, applyOverlay, readSpec } from "@signhub/codegen";
import { expect, test } from "vitest";
import { DefectRecording, HINT_REASON_LENGTH, knownDefects } from "../src/index.js";

test("recorded cases become overlay actions that list them as the operation's known defects", async () => {
  const dir = mkdtempSync(join(tmpdir(), "signhub-defects-"));
  try {
    const overlayFile = join(dir, "signhub.overlay.yaml");
    writeFileSync(overlayFile, "# the user's own comment\noverlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions: []\n");
    const recording = new DefectRecording();
    const long = `Response body property 0.policies must be string ${"x".repeat(400)}`;
    recording.record("/pets/{id}", "get", "200", "Response body property id must be integer");
    recording.record("/pets/{id}", "get", "4XX", long);
    // The first reason of a case is kept.
    recording.record("/pets/{id}", "get", "200", "another reason");
    recording.record("/pets", "post", "default", "Request body must have required property 'name'");
    // The case sending the body as a form: listed apart from the JSON one.
    recording.record("/pets", "post", "default application/x-www-form-urlencoded", "Request body property tags must be array", true);
    expect(recording.size).toBe(4);
    appendOverlayActions(overlayFile, recording.actions(), " Recorded by the contract test.");

    const written = readFileSync(overlayFile, "utf8");
    // A request Prism refused is not called the spec's defect: the call, the example or the mock may be at fault.
    expect(recording.actions().map((action) => action.description)).toEqual([
      "GET /pets/{id}: cases Prism fails for the spec's own defects or what it cannot answer, as it reported them",
      "POST /pets: cases Prism fails, some for their request: check the call, the spec's request example, and Prism's known bugs (tools/mock/test/prism-known-bugs.test.ts)",
    ]);
    expect(written).toContain("# the user's own comment");
    expect(written).toContain("# Recorded by the contract test.");
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/pets/{id}": { get: { responses: { "200": {}, "4XX": {} } } },
        "/pets": { post: { requestBody: { content: { "application/json": {}, "application/x-www-form-urlencoded": {} } }, responses: { default: {} } } },
      },
    };
    const effective = (await applyOverlay(doc, readSpec(overlayFile).doc, "signhub.overlay.yaml")) as typeof doc;
    const get = knownDefects(effective.paths["/pets/{id}"].get, "GET /pets/{id}");
    expect(get["200"]).toBe("Response body property id must be integer");
    // Cut as a hint cuts it: a prefix of the failure, which the listed case must still contain.
    expect(long.startsWith(get["4XX"]!)).toBe(true);
    expect(get["4XX"]!.length).toBeLessThanOrEqual(HINT_REASON_LENGTH);
    expect(knownDefects(effective.paths["/pets"].post, "POST /pets")).toEqual({
      default: "Request body must have required property 'name'",
      "default application/x-www-form-urlencoded": "Request body property tags must be array",
    });
    // A media type the request body does not offer is refused, as is a response it does not document.
    const listing = (entries: Record<string, string>) => ({ ...effective.paths["/pets"].post, "x-signhub-spec-defects": entries });
    expect(() => knownDefects(listing({ "default text/plain": "x" }), "POST /pets")).toThrow("names default text/plain");
    expect(() => knownDefects(listing({ "404": "x" }), "POST /pets")).toThrow("names 404");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type LedgerRecord, type Proof, verifyProof, verifyRecord } from "../../src/records/index.js";
import { PAGE_ADMIN_KEY, PAGE_PROOF_HASH, PAGE_SYSTEM_KEY } from "../fixtures/page-records.js";
import { TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

const SPEC_URL = new URL("../../../../specs/minka-ledger/openapi.yaml", import.meta.url);
const SPEC = readFileSync(SPEC_URL, "utf8");

/** Whose key must have signed each example, the page fixture it copies (if any), and the hash a bare proof signs. */
const EXAMPLES: Record<string, { trustedKeys: string[]; pageFixture?: string; proofOf?: string }> = {
  AddSignerFactorProofRequest: { trustedKeys: [PAGE_ADMIN_KEY], pageFixture: "add-signer-factor-proof-request", proofOf: PAGE_PROOF_HASH },
  UpdateSignerFactorRequest: { trustedKeys: [PAGE_ADMIN_KEY], pageFixture: "update-signer-factor-request" },
  UpdatedSignerFactor: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "update-signer-factor-200" },
  SchemaInvalid: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-400-record-schema-invalid" },
  Unauthorized: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-401-auth-unauthorized" },
  Forbidden: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-403-auth-forbidden" },
  NotFound: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-404-record-not-found" },
  Duplicated: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-409-record-duplicated" },
  UnexpectedError: { trustedKeys: [PAGE_SYSTEM_KEY], pageFixture: "error-500-api-unexpected-error" },
  TestCreateSignerFactorRequest: { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] },
  TestSignerFactor: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestSignerFactorList: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestParentHashInvalid: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestSignerFactorDuplicated: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestSignerFactorWithProof: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestSignerFactorChanges: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
  TestSystemSigner: { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] },
};

/**
 * Every `value:` of the spec with its example name. The spec writes each value as
 * JSON in YAML flow style, so a JSON-aware brace scan finds it without a YAML parser
 * (none is a dependency of this package).
 */
function specExamples(spec: string): { name: string; text: string }[] {
  const examples: { name: string; text: string }[] = [];
  let name = "";
  let offset = 0;
  for (const line of spec.split("\n")) {
    const heading = /^ {4}([A-Za-z]\w*):$/.exec(line);
    if (heading) name = heading[1]!;
    if (/^\s+value:/.test(line)) {
      const start = spec.indexOf("{", offset + line.indexOf("value:"));
      examples.push({ name, text: spec.slice(start, jsonObjectEnd(spec, start)) });
    }
    offset += line.length + 1;
  }
  return examples;
}

/** Index just past the JSON object that opens at `start`. */
function jsonObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index + 1;
  }
  throw new Error(`unterminated JSON object at ${start}`);
}

const examples = specExamples(SPEC);

describe("the spec's examples", () => {
  test("are exactly the listed ones, every value: line included", () => {
    expect(examples.map((example) => example.name).sort()).toEqual(Object.keys(EXAMPLES).sort());
    expect(SPEC.match(/^\s+value:/gm)).toHaveLength(examples.length);
  });

  test.each(examples)("$name verifies with the key that should have signed it", ({ name, text }) => {
    const { trustedKeys, proofOf } = EXAMPLES[name]!;
    if (proofOf !== undefined) {
      const proof = JSON.parse(text) as Proof;
      expect(trustedKeys).toContain(proof.public);
      expect(verifyProof(proofOf, proof)).toBe(true);
      return;
    }
    expect(verifyRecord(JSON.parse(text) as LedgerRecord, { trustedKeys })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test.each(examples.filter(({ name }) => EXAMPLES[name]!.pageFixture))("$name is the page's JSON byte for byte", ({ name, text }) => {
    const fixture = readFileSync(new URL(`../fixtures/page/${EXAMPLES[name]!.pageFixture}.json`, import.meta.url), "utf8");
    expect(text.replace(/\n {8}/g, "\n")).toBe(fixture.trimEnd());
  });

  test.each(["TestSignerFactorList", "TestSignerFactorChanges"])("every record in the %s example verifies with the test system key", (listName) => {
    const list = JSON.parse(examples.find(({ name }) => name === listName)!.text) as LedgerRecord<unknown[]>;
    expect(list.data).toHaveLength(2);
    for (const factor of list.data) {
      expect(verifyRecord(factor, { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
    }
  });

  test("the changes example lists the update before the create, the update's parent being the create's hash", () => {
    const changes = JSON.parse(examples.find(({ name }) => name === "TestSignerFactorChanges")!.text) as LedgerRecord<{ parent?: string }[]>;
    const [update, create] = changes.data as unknown as LedgerRecord<{ parent?: string }>[];
    expect([update!.meta.action, create!.meta.action]).toEqual(["update", "create"]);
    expect(update!.data.parent).toBe(create!.hash);
  });

  test("no generated example is signed by the page's keys, nor a page example by a test key", () => {
    for (const { name, text } of examples) {
      const parsed = JSON.parse(text) as LedgerRecord | Proof;
      const publicKeys = "meta" in parsed ? parsed.meta.proofs.map((proof) => proof.public) : [parsed.public];
      const isPage = EXAMPLES[name]!.pageFixture !== undefined;
      const testKeys = [TEST_SYSTEM_KEY_PAIR.publicKey, TEST_SIGNER_KEY_PAIR.publicKey];
      expect(publicKeys.some((key) => testKeys.includes(key))).toBe(!isPage);
    }
  });
});

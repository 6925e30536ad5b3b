import { describe, expect, test } from "vitest";
import { createMinkaLedgerClient, iterateLedgerList, type LedgerListPage, type LedgerPageRequest, LedgerPagingError, signRecord } from "../../src/index.js";
import { TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

/** A ledger list of `count` numbers, paged as asked, answering `page` as `describe` says; records each request. */
function pagedList(count: number, describe: (request: LedgerPageRequest) => LedgerListPage<number>["page"] = (r) => ({ index: r.index, limit: r.limit })) {
  const asked: LedgerPageRequest[] = [];
  const items = Array.from({ length: count }, (_, n) => n);
  const readPage = async (request: LedgerPageRequest): Promise<LedgerListPage<number>> => {
    asked.push(request);
    const data = items.slice(request.index * request.limit, (request.index + 1) * request.limit);
    return { hash: `page-${request.index}-${data.join(",")}`, data, page: describe(request) };
  };
  return { readPage, asked };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("iterateLedgerList", () => {
  test("reads page after page until a page is shorter than its limit", async () => {
    const list = pagedList(45);
    await expect(collect(iterateLedgerList(list.readPage, { pageLimit: 20 }))).resolves.toEqual(Array.from({ length: 45 }, (_, n) => n));
    expect(list.asked).toEqual([
      { index: 0, limit: 20 },
      { index: 1, limit: 20 },
      { index: 2, limit: 20 },
    ]);
  });

  test("a list that fills its last page exactly ends on the empty page after it", async () => {
    const list = pagedList(40);
    await expect(collect(iterateLedgerList(list.readPage, { pageLimit: 20 }))).resolves.toHaveLength(40);
    expect(list.asked.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  test("stops once page.total records have come, without asking for an empty page", async () => {
    const list = pagedList(40, (r) => ({ index: r.index, limit: r.limit, total: 40 }));
    await expect(collect(iterateLedgerList(list.readPage, { pageLimit: 20 }))).resolves.toHaveLength(40);
    expect(list.asked.map((r) => r.index)).toEqual([0, 1]);
  });

  test("a ledger that caps the limit lower and says so is read to the end, not cut at its first page", async () => {
    // Asked for 50 per page, the ledger answers 10 and says page.limit 10.
    const asked: LedgerPageRequest[] = [];
    const readPage = async (request: LedgerPageRequest): Promise<LedgerListPage<number>> => {
      asked.push(request);
      const data = Array.from({ length: 25 }, (_, n) => n).slice(request.index * 10, (request.index + 1) * 10);
      return { hash: `h${request.index}`, data, page: { index: request.index, limit: 10 } };
    };
    await expect(collect(iterateLedgerList(readPage, { pageLimit: 50 }))).resolves.toHaveLength(25);
    expect(asked.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  test("asks next for the index after the one the ledger says it answered, counting from firstIndex", async () => {
    const list = pagedList(30);
    // This ledger's pages count from 1: index 1 holds the first records.
    const oneBased = async (request: LedgerPageRequest) => {
      const page = await list.readPage({ index: request.index - 1, limit: request.limit });
      return { ...page, page: { index: request.index, limit: request.limit } };
    };
    await expect(collect(iterateLedgerList(oneBased, { pageLimit: 10, firstIndex: 1 }))).resolves.toHaveLength(30);
    expect(list.asked.map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });

  test("a ledger that ignores page.index is a LedgerPagingError, not an endless loop of the same records", async () => {
    const readPage = async (): Promise<LedgerListPage<number>> => ({ hash: "same", data: [1, 2], page: { limit: 2 } });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of iterateLedgerList(readPage, { pageLimit: 2 })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerPagingError);
    expect(seen).toEqual([1, 2]);
  });

  test("refuses a page limit or first index that is not a whole number", async () => {
    const list = pagedList(1);
    await expect(collect(iterateLedgerList(list.readPage, { pageLimit: 0 }))).rejects.toBeInstanceOf(RangeError);
    await expect(collect(iterateLedgerList(list.readPage, { firstIndex: -1 }))).rejects.toBeInstanceOf(RangeError);
    expect(list.asked).toEqual([]);
  });
});

describe("client.iterateSignerFactors", () => {
  test("sends page.index and page.limit beside the caller's query, and verifies every page", async () => {
    const factor = (n: number) => signRecord({ handle: `key-${n}`, schema: "key-pair" }, TEST_SYSTEM_KEY_PAIR);
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      const index = Number(new URL(url).searchParams.get("page.index"));
      const data = index === 0 ? [factor(0), factor(1)] : [factor(2)];
      const envelope = { ...signRecord(data, TEST_SYSTEM_KEY_PAIR), page: { index, limit: 2 } };
      return new Response(JSON.stringify(envelope), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createMinkaLedgerClient({ baseUrl: "https://ledger.bank.test/api/v2", fetch, trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] });
    const handles: string[] = [];
    for await (const record of client.iterateSignerFactors({ params: { path: { signer: "tesla-bank-admin" } } }, { pageLimit: 2 })) {
      handles.push(record.data.handle);
    }
    expect(handles).toEqual(["key-0", "key-1", "key-2"]);
    expect(urls).toEqual([
      "https://ledger.bank.test/api/v2/signers/tesla-bank-admin/factors?page.index=0&page.limit=2",
      "https://ledger.bank.test/api/v2/signers/tesla-bank-admin/factors?page.index=1&page.limit=2",
    ]);
  });

  test("a page that fails verification ends the iteration with IntegrityError", async () => {
    const fetch = async () => {
      const envelope = signRecord([], TEST_SYSTEM_KEY_PAIR);
      envelope.hash = "0".repeat(64);
      return new Response(JSON.stringify(envelope), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createMinkaLedgerClient({ baseUrl: "https://ledger.bank.test/api/v2", fetch, trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] });
    await expect(collect(client.iterateSignerFactors({ params: { path: { signer: "tesla-bank-admin" } } }))).rejects.toMatchObject({
      name: "IntegrityError",
      reason: "hash does not match data",
    });
  });
});

/** One page of a Minka list: an envelope whose `data` holds the page's records, and the `page` it says it is. */
export interface LedgerListPage<T> {
  hash: string;
  data: T[];
  page?: { index?: number; limit?: number; total?: number } | undefined;
}

/** Which page `iterateLedgerList` asks for: sent as the query parameters `page.index` and `page.limit`. */
export interface LedgerPageRequest {
  index: number;
  limit: number;
}

/** Options of `iterateLedgerList`. */
export interface IterateLedgerListOptions {
  /**
   * Records per page, sent as `page.limit`. Minka publishes no default or largest value.
   * @default 20
   */
  pageLimit?: number;
  /**
   * The first `page.index` asked for. Whether the ledger counts pages from 0 or 1 is not published.
   * @default 0
   */
  firstIndex?: number;
}

/** The ledger answered the same page for two indexes: it ignores `page.index`, and paging on would repeat records. */
export class LedgerPagingError extends Error {
  override name = "LedgerPagingError";
}

const DEFAULT_PAGE_LIMIT = 20;

/**
 * Every record of a paged Minka list, page after page, as `readPage` reads them (each page verified as the
 * client verifies any answer). Stops after an empty page, a page shorter than its limit (the one the ledger
 * says in `page.limit`, else the one asked for), or once `page.total` records have come; asks next for the
 * index after the one the ledger says it answered. Throws `LedgerPagingError` when a page repeats the last.
 */
export async function* iterateLedgerList<T>(
  readPage: (page: LedgerPageRequest) => Promise<LedgerListPage<T>>,
  options: IterateLedgerListOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { pageLimit = DEFAULT_PAGE_LIMIT, firstIndex = 0 } = options;
  if (!Number.isInteger(pageLimit) || pageLimit < 1) throw new RangeError("pageLimit must be a whole number ≥ 1");
  if (!Number.isInteger(firstIndex) || firstIndex < 0) throw new RangeError("firstIndex must be a whole number ≥ 0");
  let index = firstIndex;
  let seen = 0;
  let previousHash: string | undefined;
  for (;;) {
    const envelope = await readPage({ index, limit: pageLimit });
    const { data, page } = envelope;
    if (data.length > 0 && envelope.hash === previousHash) {
      throw new LedgerPagingError(`Minka Ledger answered page.index ${index} with the page before it: the list ignores page.index`);
    }
    yield* data;
    seen += data.length;
    const limit = wholeNumber(page?.limit) ?? pageLimit;
    const total = wholeNumber(page?.total);
    if (data.length === 0 || data.length < limit || (total !== undefined && seen >= total)) return;
    previousHash = envelope.hash;
    index = (wholeNumber(page?.index) ?? index) + 1;
  }
}

function wholeNumber(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}

/** A spec the pipeline cannot use; each line of the message names the file and one problem. */
export class SpecError extends Error {
  override name = "SpecError";
  readonly file: string;
  /** Every problem found, in the spec's order. */
  readonly problems: readonly string[];

  constructor(file: string, problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.map((problem) => `${file}: ${problem}`).join("\n"));
    this.file = file;
    this.problems = list;
  }
}

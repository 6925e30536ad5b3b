/** A spec the pipeline cannot use; the message names the file and the problem. */
export class SpecError extends Error {
  override name = "SpecError";
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.file = file;
  }
}

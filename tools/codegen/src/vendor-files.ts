import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { SpecError } from "./spec-error.js";

/**
 * A published spec file and every file its relative `$ref`s reach, transitively (absolute paths, the
 * root first), each inside the root file's folder (one outside, a symbolic link's target included, is a
 * `SpecError`). URLs (`https://…`) and local pointers (`#/…`) are left alone. A YAML or JSON file that
 * cannot be parsed is a `SpecError`; any other file (a Markdown description, a code sample) is taken as
 * text, as Redocly's bundler takes it, and copied without looking for `$ref`s in it.
 */
export function refClosure(rootFile: string): string[] {
  const files = [resolve(rootFile)];
  const problems: string[] = [];
  // Every file must lie in the root file's folder (symbolic links followed): a `$ref` is never a way to copy
  // a file from elsewhere on the machine (a key, a config) into the repository.
  const folder = realpathSync(dirname(files[0]!));
  const inside = (path: string) => {
    const from = relative(folder, realpathSync(path));
    return !from.startsWith("..") && !isAbsolute(from);
  };
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    if (i > 0 && !/\.(ya?ml|json)$/i.test(file)) continue;
    let doc: unknown;
    try {
      // YAML 1.2 is a superset of JSON: one parser reads both.
      doc = parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new SpecError(file, `cannot be read as YAML or JSON: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    }
    for (const ref of refsIn(doc)) {
      const target = ref.split("#")[0]!;
      if (/^file:/i.test(target)) {
        problems.push(`$ref ${ref} in ${file} is a file: URL: name the file by a relative path inside the spec's folder`);
        continue;
      }
      if (target === "" || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // a local pointer or a URL
      const path = resolve(dirname(file), decodeURIComponent(target));
      if (files.includes(path)) continue;
      if (!existsSync(path)) problems.push(`$ref ${ref} in ${file} names a file that does not exist`);
      else if (!inside(path)) problems.push(`$ref ${ref} in ${file} names a file outside ${folder}, the spec's folder: it is not copied`);
      else files.push(path);
    }
  }
  if (problems.length) throw new SpecError(rootFile, problems);
  return files;
}

/**
 * Copies `files` (a spec and the files it reaches) byte for byte under `into`, keeping their layout
 * relative to the folder that holds them all, so that every relative `$ref` still resolves. Returns the
 * copied root file's path relative to `into`.
 */
export function copyVendorFiles(files: readonly string[], into: string): string {
  const base = commonFolder(files);
  for (const file of files) {
    const target = join(into, relative(base, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return relative(base, files[0]!).split(sep).join("/");
}

/** Whether every file is under `into` with the same bytes (a copy made earlier, not changed since). */
export function sameVendorFiles(files: readonly string[], into: string): boolean {
  const base = commonFolder(files);
  return files.every((file) => {
    const target = join(into, relative(base, file));
    return existsSync(target) && readFileSync(target).equals(readFileSync(file));
  });
}

/** The deepest folder holding every one of `files`. */
export function commonFolder(files: readonly string[]): string {
  let base = dirname(files[0]!);
  while (!files.every((file) => !relative(base, file).startsWith(".."))) base = dirname(base);
  return base;
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

import { constants } from "node:fs";
import { access, lstat, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { CliMessageKey } from "./cli-messages";

/**
 * Why a file will not be written, as a message key and its values: the command line says it in the
 * user's language (exit code 2). Nothing has been written when this is thrown.
 */
export class OutputRefused extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Readonly<Record<string, string>>,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "OutputRefused";
  }
}

/** Where a command writes, once checked. */
export interface OutputTarget {
  /** The name as the user wrote it, for messages. */
  readonly file: string;
  /** The path the new file takes: a link's target when the name is a link to a file, so the link stays. */
  readonly path: string;
  /** A file is there and --force allows replacing it; otherwise the save fails if one appears meanwhile. */
  readonly replace: boolean;
}

export interface OutputRequest {
  /** The files the command reads: never the output, whatever the links and names. */
  readonly inputs: readonly string[];
  /** --force: an existing file may be replaced (never an input). */
  readonly force: boolean;
}

type Identity = { readonly dev: bigint; readonly ino: bigint };

/** The file itself (device and inode, links followed), or undefined when there is none. */
async function identityOf(file: string): Promise<Identity | undefined> {
  try {
    const s = await stat(file, { bigint: true });
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? "";

/**
 * Checks an output file before any work: a name is given, its folder exists, it is not a folder, it
 * is no input (compared by device and inode, so a symbolic link, a hard link or a linked folder to
 * the input is the input), and an existing file is replaced only with --force.
 */
export async function resolveOutputTarget(file: string, request: OutputRequest): Promise<OutputTarget> {
  if (file.trim() === "") throw new OutputRefused("cliOutEmpty", {});
  try {
    return await checkTarget(file, request);
  } catch (error) {
    const code = errnoOf(error);
    if (error instanceof OutputRefused || !code) throw error;
    // A folder on the way that cannot be looked into (EACCES), a name too long...: said like a failed save.
    throw new OutputRefused(writeFailureKey(code), { file, folder: path.dirname(file), code });
  }
}

async function checkTarget(file: string, request: OutputRequest): Promise<OutputTarget> {
  const absolute = path.resolve(file);
  const entry = await lstat(absolute).catch((error: unknown) => {
    if (["ENOENT", "ENOTDIR"].includes(errnoOf(error))) return undefined;
    throw error;
  });
  if (!entry) {
    await checkFolder(file, path.dirname(absolute));
    return { file, path: absolute, replace: false };
  }
  const target = await identityOf(absolute);
  if (target) {
    if ((await stat(absolute)).isDirectory()) throw new OutputRefused("cliOutIsFolder", { file });
    for (const input of request.inputs) {
      const source = await identityOf(input);
      if (source && source.dev === target.dev && source.ino === target.ino) throw new OutputRefused("cliSameFile", { file });
    }
  }
  if (!request.force) throw new OutputRefused("cliOutExists", { file });
  // A link to a file: the file it points to is replaced and the link kept; a broken link is replaced itself.
  const where = entry.isSymbolicLink() && target ? await realpath(absolute) : absolute;
  await access(path.dirname(where), constants.W_OK);
  return { file, path: where, replace: true };
}

/** The folder exists and takes new files, found before any work is done. */
async function checkFolder(file: string, folder: string): Promise<void> {
  const found = await stat(folder).catch(() => undefined);
  if (!found?.isDirectory()) throw new OutputRefused("cliOutFolderMissing", { file, folder: path.dirname(file) });
  await access(folder, constants.W_OK);
}

/** The sentence for a save that failed with a file-system code; the existing file is untouched. */
export function writeFailureKey(code: string): CliMessageKey {
  if (code === "ENOSPC" || code === "EDQUOT") return "cliDiskFull";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "cliWriteDenied";
  if (code === "ENOENT" || code === "ENOTDIR") return "cliOutFolderMissing";
  if (code === "EEXIST") return "cliOutExists";
  if (code === "EISDIR") return "cliOutIsFolder";
  return "cliWriteFailed";
}

import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, lstat, open, realpath, rename, stat, unlink, type FileHandle } from "node:fs/promises";
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
  /** What was checked, to find the folder swapped or an input replaced while the command ran. */
  readonly guard: PublishGuard;
}

export interface OutputRequest {
  /** The files the command reads: never the output, whatever the links and names. */
  readonly inputs: readonly string[];
  /** --force: an existing file may be replaced (never an input). */
  readonly force: boolean;
}

type Identity = { readonly dev: bigint; readonly ino: bigint };

const same = (a: Identity | undefined, b: Identity | undefined) =>
  a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;

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
    const checked = await checkTarget(file, request);
    return { ...checked, guard: await PublishGuard.take(checked, request.inputs) };
  } catch (error) {
    const code = errnoOf(error);
    if (error instanceof OutputRefused || !code) throw error;
    // A folder on the way that cannot be looked into (EACCES), a name too long...: said like a failed save.
    throw new OutputRefused(writeFailureKey(code), { file, folder: path.dirname(file), code });
  }
}

async function checkTarget(file: string, request: OutputRequest): Promise<Omit<OutputTarget, "guard">> {
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
      if (same(await identityOf(input), target)) throw new OutputRefused("cliSameFile", { file });
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

/** An input as it was at the check: its file held open (a regular file only) so its bytes can be put back. */
interface KeptInput {
  readonly path: string;
  readonly identity: Identity;
  readonly mode: number;
  readonly handle: FileHandle;
}

/**
 * The identity of the output's folder (real path, device and inode) and of each input, taken when
 * --out is checked; each input stays open until the command ends. Node.js cannot publish relative
 * to a folder it holds open (no `openat`/`renameat`), so the path is checked again just before the
 * save (`beforeSave`) and the file actually published is checked after it (`afterSave`): if the
 * folder now leads elsewhere, or the name the report took is an input's, the report is taken back
 * and the input written back from the handle held open, and the command says so (exit 2).
 */
export class PublishGuard {
  private constructor(
    private readonly target: Omit<OutputTarget, "guard">,
    private readonly folder: { readonly real: string; readonly identity: Identity },
    private readonly inputs: readonly KeptInput[],
  ) {}

  static async take(target: Omit<OutputTarget, "guard">, inputs: readonly string[]): Promise<PublishGuard> {
    const folder = path.dirname(target.path);
    const found = await stat(folder, { bigint: true });
    const kept: KeptInput[] = [];
    for (const input of inputs) {
      const info = await stat(input, { bigint: true }).catch(() => undefined);
      if (!info?.isFile()) continue; // missing (the read says so), a device or a pipe: nothing to put back
      const handle = await open(input, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
      if (handle) kept.push({ path: path.resolve(input), identity: info, mode: Number(info.mode & 0o7777n), handle });
    }
    return new PublishGuard(target, { real: await realpath(folder), identity: found }, kept);
  }

  /** The folder is the one checked, and the name does not lead to an input: else nothing is written. */
  async beforeSave(): Promise<void> {
    if (await this.folderMoved()) throw new OutputRefused("cliOutFolderChanged", { file: this.target.file });
    const there = await identityOf(this.target.path);
    if (this.inputs.some((input) => same(input.identity, there)))
      throw new OutputRefused("cliSameFile", { file: this.target.file });
  }

  /**
   * After the save: an input whose name now holds the published file is written back as it was,
   * and a report published into a folder other than the one checked is removed.
   */
  async afterSave(): Promise<void> {
    const published = await identityOf(this.target.path);
    let restored = false;
    for (const input of this.inputs) {
      const now = await identityOf(input.path);
      if (same(now, input.identity) || !same(now, published)) continue;
      await putBack(input);
      restored = true;
    }
    const moved = await this.folderMoved();
    if (moved && !restored && same(await identityOf(this.target.path), published))
      await unlink(this.target.path).catch(() => undefined);
    if (moved || restored) throw new OutputRefused("cliOutFolderChanged", { file: this.target.file });
  }

  async release(): Promise<void> {
    for (const input of this.inputs) await input.handle.close().catch(() => undefined);
  }

  /** The output's folder is no longer the one checked: another folder, or a link to one, took its name. */
  async folderMoved(): Promise<boolean> {
    const folder = path.dirname(this.target.path);
    const now = await identityOf(folder);
    const real = await realpath(folder).catch(() => undefined);
    return !same(now, this.folder.identity) || real !== this.folder.real;
  }
}

/** The input's bytes, read from the handle held since the check, take its name again through a temporary file. */
async function putBack(input: KeptInput): Promise<void> {
  const temp = path.join(
    path.dirname(input.path),
    `.${path.basename(input.path).slice(-120)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const out = await open(temp, "wx", 0o600);
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0; ;) {
      const { bytesRead } = await input.handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) break;
      await out.write(chunk, 0, bytesRead);
      at += bytesRead;
    }
    await out.chmod(input.mode);
    await out.sync();
  } catch (error) {
    await out.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await out.close();
  await rename(temp, input.path);
}

/** The sentence for a save that failed with a file-system code; the existing file is untouched. */
export function writeFailureKey(code: string): CliMessageKey {
  if (code === "ENOSPC" || code === "EDQUOT") return "cliDiskFull";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "cliWriteDenied";
  if (code === "ENOENT" || code === "ENOTDIR") return "cliOutFolderMissing";
  if (code === "EEXIST") return "cliOutWrittenMeanwhile"; // it was not there at the check
  if (code === "EISDIR") return "cliOutIsFolder";
  return "cliWriteFailed";
}

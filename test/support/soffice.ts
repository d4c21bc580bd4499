import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * LibreOffice's command, as jest.config.js found it once for the run on PATH (SALES_PLAYBOOK_SOFFICE, "" for
 * none; Debian: /usr/bin/soffice); undefined without it.
 */
export function findSoffice(): string | undefined {
  return process.env.SALES_PLAYBOOK_SOFFICE || undefined;
}

/**
 * Converts files with LibreOffice headless into `outDir` (xlsx, csv...), one run for all of them, and
 * returns the written paths in the same order. A private profile per call keeps parallel runs from
 * locking each other out.
 */
export function convertFilesWithLibreOffice(
  soffice: string,
  files: readonly string[],
  to: string,
  outDir: string,
  infilter?: string,
): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        ...(infilter ? [`--infilter=${infilter}`] : []),
        "--convert-to",
        to,
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 120_000 + 30_000 * files.length },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = to.split(":")[0];
  const written = new Set(readdirSync(outDir));
  return files.map((file) => {
    const name = `${path.basename(file, path.extname(file))}.${ext}`;
    if (!written.has(name)) throw new Error(`LibreOffice wrote nothing for ${file}`);
    return path.join(outDir, name);
  });
}

/** Converts one file with LibreOffice headless into `outDir` and returns the written path. */
export function convertWithLibreOffice(soffice: string, file: string, to: string, outDir: string, infilter?: string): string {
  return convertFilesWithLibreOffice(soffice, [file], to, outDir, infilter)[0];
}

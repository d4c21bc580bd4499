import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** LibreOffice's command, found on PATH (Debian: /usr/bin/soffice). */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      try {
        execFileSync(path.join(dir, name), ["--version"], { stdio: "ignore", timeout: 30_000 });
        return path.join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Converts a file with LibreOffice headless into `outDir` (xlsx, csv...) and returns the written path.
 * A private profile per call keeps parallel runs from locking each other out.
 */
export function convertWithLibreOffice(soffice: string, file: string, to: string, outDir: string, infilter?: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
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
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const base = path.basename(file, path.extname(file));
  const ext = to.split(":")[0];
  const written = readdirSync(outDir).find((f) => f === `${base}.${ext}`);
  if (!written) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return path.join(outDir, written);
}

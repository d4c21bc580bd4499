/**
 * @jest-environment node
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FOLDER, PACKAGE_DIR, WPS_OUT, filesOf } from "./package-files";

/**
 * The WPS package's archives (dist/wps/<folder>.7z and .zip, scripts/wps-archives.cjs): each holds the
 * `<name>_<version>` folder as `wpsjs build` packs it. Unpacked by bsdtar (Debian's libarchive-tools:
 * libarchive's own 7z and zip readers, no 7-Zip code), which .ci/run installs. Needs `npm run build` first.
 */
const archives = require("../../scripts/wps-archives.cjs") as {
  sevenZipFolder(folder: string, files: [string, Buffer][]): Promise<Buffer>;
  zipFolder(folder: string, files: [string, Buffer][]): Promise<Buffer>;
};

const ARCHIVES = [
  { kind: ".7z", file: path.join(WPS_OUT, `${FOLDER}.7z`), pack: archives.sevenZipFolder },
  { kind: ".zip", file: path.join(WPS_OUT, `${FOLDER}.zip`), pack: archives.zipFolder },
];

/** bsdtar on PATH, or "" (CI always has it: .ci/run installs libarchive-tools). */
function findBsdtar(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "bsdtar"))) return path.join(dir, "bsdtar");
  }
  return process.env.CI ? "bsdtar" : "";
}
const bsdtar = findBsdtar();

beforeAll(() => {
  for (const { file } of ARCHIVES) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
});

describe("the WPS package's archives", () => {
  it("the .7z starts with 7-Zip's signature (wpsjs's publish page takes only a file starting with \"7z\")", () => {
    const head = readFileSync(ARCHIVES[0].file).subarray(0, 6);
    expect([...head]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
  });

  it.each(ARCHIVES)(
    "packing dist's folder again gives the $kind's bytes: no build time or machine in them",
    async ({ file, pack }) => {
      const files = filesOf(PACKAGE_DIR).map((name): [string, Buffer] => [name, readFileSync(path.join(PACKAGE_DIR, name))]);
      // Another order than the build's: the archive does not depend on it.
      const again = await pack(FOLDER, files.reverse());
      expect(again.equals(readFileSync(file))).toBe(true);
    },
  );
});

const describeWithBsdtar = bsdtar ? describe : describe.skip;

describeWithBsdtar(
  bsdtar
    ? "the WPS package's archives unpacked by bsdtar (libarchive)"
    : "the WPS package's archives unpacked by bsdtar (skipped: bsdtar is not installed; .ci/run installs libarchive-tools)",
  () => {
    it.each(ARCHIVES)("every entry of the $kind is inside the one folder", ({ file }) => {
      const entries = execFileSync(bsdtar, ["-tf", file], { encoding: "utf8" }).split("\n").filter(Boolean);
      expect(entries.length).toBeGreaterThan(filesOf(PACKAGE_DIR).length);
      expect(entries.filter((entry) => !entry.startsWith(`${FOLDER}/`))).toEqual([]);
      expect(entries.filter((entry) => entry.split("/").some((part) => part === ".." || part === "."))).toEqual([]);
    });

    it.each(ARCHIVES)("the $kind unpacks to the folder, file for file and byte for byte", ({ file }) => {
      const into = mkdtempSync(path.join(os.tmpdir(), "wps-archive-"));
      try {
        execFileSync(bsdtar, ["-xf", file, "-C", into]);
        expect(readdirSync(into)).toEqual([FOLDER]);
        const unpacked = path.join(into, FOLDER);
        const names = filesOf(PACKAGE_DIR).sort();
        expect(filesOf(unpacked).sort()).toEqual(names);
        const differing = names.filter(
          (name) => !readFileSync(path.join(unpacked, name)).equals(readFileSync(path.join(PACKAGE_DIR, name))),
        );
        expect(differing).toEqual([]);
      } finally {
        rmSync(into, { recursive: true, force: true });
      }
    });
  },
);

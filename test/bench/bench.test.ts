/**
 * `npm run bench` end to end at a tiny size: every row runs and lands in the results table. Not a timed
 * test: the figures are checked for shape and for what can be known exactly (sync counts equal at both
 * sizes, ours and arquero agreeing, the gzip size of a known bundle), never for speed. LibreOffice is left
 * out (--no-libreoffice) and the bundles come from a small dist/ made here, so it stays fast.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(__dirname, "../..");
const built = existsSync(path.join(root, "build/cli/cli/main.js"));
const describeBuilt = built ? describe : describe.skip;

describeBuilt(built ? "npm run bench -- --size small" : "npm run bench (skipped: no build/cli, run npm run build:cli)", () => {
  let dir: string;
  let table: string[][];
  let markdown: string;
  const pane = Buffer.from(Array.from({ length: 4000 }, (_v, i) => `var x${i}=${(i * 7919) % 1000};`).join(""));
  /** The bench at its tiny size on the small dist/ made here, into dir/results.md. */
  const bench = (...args: string[]) =>
    execFileSync(
      process.execPath,
      [
        "scripts/bench.mjs",
        "--size",
        "small",
        "--runs",
        "1",
        "--no-build",
        "--dist",
        path.join(dir, "dist"),
        "--out",
        path.join(dir, "results.md"),
        ...args,
      ],
      { cwd: root, stdio: "ignore", timeout: 170_000 },
    );

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "bench-test-"));
    const dist = path.join(dir, "dist");
    execFileSync("mkdir", ["-p", dist]);
    // As the production build writes them: minified HTML, unquoted attributes, Office.js from the CDN.
    writeFileSync(
      path.join(dist, "taskpane.html"),
      "<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.1a.js></script></head></html>",
    );
    writeFileSync(path.join(dist, "commands.html"), '<html><head><script defer src="commands.2b.js"></script></head></html>');
    writeFileSync(path.join(dist, "taskpane.1a.js"), pane);
    writeFileSync(path.join(dist, "commands.2b.js"), "commands()");
    writeFileSync(path.join(dist, "72.3c.js"), "lazy()");
    bench("--cli-warmup", "0", "--no-libreoffice");
    markdown = readFileSync(path.join(dir, "results.md"), "utf8");
    table = markdown
      .split("\n")
      .filter((line) => /^\| \d \|/.test(line))
      .map((line) =>
        line
          .split(/(?<!\\)\|/)
          .slice(1, -1)
          .map((c) => c.trim()),
      );
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rowsOf = (n: number) => table.filter((r) => r[0] === String(n));

  it("writes the machine, the date, node's version and the command line", () => {
    expect(markdown).toMatch(/- Date: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(markdown).toMatch(/- Machine: .+, \d+ cores, [\d.]+ GB RAM/);
    expect(markdown).toContain(`- Node ${process.version}`);
    expect(markdown).toContain("`npm run bench -- --size small --runs 1");
  });

  it("has a figure for every row, each with ours, peer, ratio, goal and a verdict", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => rowsOf(n).length > 0)).toEqual([true, true, true, true, true, true, true]);
    for (const r of table) {
      expect(r).toHaveLength(7);
      expect(r[6]).toMatch(/^(pass|FAIL|—)$/);
      expect(r[4]).toMatch(/^(\d+\.\d\d|—)$/);
    }
  });

  it("times validation and the diagnosis, and arquero's aggregates agree with ours", () => {
    for (const r of [...rowsOf(1), ...rowsOf(2)]) expect(r[2]).toMatch(/^\d+(\.\d)? (ms|µs|s)( \(CPU \d+(\.\d)? (ms|s)\))?$/);
    const aggregation = rowsOf(2).find((r) => r[1].includes("arquero"))!;
    expect(aggregation[1]).toContain("same answers");
    expect(aggregation[3]).toMatch(/^\d+(\.\d)? ms \(CPU /);
  });

  it("runs the command line on the .xlsx and the .csv, beside its peers, and leaves the 1,000,000-line rows to --size full", () => {
    const measured = rowsOf(3).filter((r) => /1,000-line/.test(r[1]));
    expect(
      measured.map((r) =>
        r[1]
          .match(/`(\w+) --json`.*\.(xlsx|csv)/)!
          .slice(1)
          .join(" "),
      ),
    ).toEqual(["customers xlsx", "diagnose xlsx", "diagnose xlsx", "customers csv", "diagnose csv"]);
    for (const r of measured) expect(r[2]).toMatch(/^\d+\.\d\d s, \d+ MB$/);
    // The .xlsx diagnose also beside pandas + openpyxl, a peer that --no-libreoffice leaves out like LibreOffice.
    const pandas = measured.filter((r) => r[1].includes("pandas + openpyxl"));
    expect(pandas.map((r) => r[3])).toEqual(["not run (--no-libreoffice)"]);
    const scale = rowsOf(3).filter((r) => r[1].includes("1,000,000-line"));
    expect(scale).toHaveLength(3);
    for (const r of scale) expect(r[2]).toBe("not run (`npm run bench -- --size full`)");
  });

  it("counts the same Office.js syncs at 10 rows and at the larger size for every use case", () => {
    const office = rowsOf(4).filter((r) => r[1].startsWith("Office.js"));
    expect(office.length).toBe(9);
    for (const r of office) {
      const [, syncs] = r[2].match(/^(\d+) syncs, [\d.]+ (KB|MB)$/)!;
      expect(`${syncs} syncs`).toBe(r[3]);
      expect([r[4], r[6]]).toEqual(["1.00", "pass"]);
    }
  });

  it("counts WPS's ET calls per use case: block writes stay within 2× whatever the rows, marks grow with the cells marked", () => {
    const wps = rowsOf(4).filter((r) => /^WPS \w+:/.test(r[1]));
    expect(wps.map((r) => r[1].match(/^WPS (\w+):/)![1])).toEqual([
      "insertTemplates",
      "validateWorkbook",
      "markFindings",
      "clearMarks",
      "fillCustomerAnalysis",
      "diagnoseWorkbook",
      "proposeTargetSplit",
      "acceptTargetSplit",
    ]);
    for (const r of wps) {
      expect(r[2]).toMatch(/^\d+ calls$/);
      const perMark = /markFindings|clearMarks/.test(r[1]);
      expect(r[6]).toBe(perMark ? "—" : "pass");
    }
  });

  it("counts WPS's ET calls to mark about 10,000 cells, mark them again and clear them: under 2,000 each", () => {
    const marks = rowsOf(4).filter((r) => /^WPS (marking|clearing) /.test(r[1]));
    expect(marks.map((r) => r[1].match(/^WPS (marking|marking the same|clearing) ([\d,]+)/)!.slice(1))).toEqual([
      ["marking", "10,002"],
      ["marking the same", "10,002"],
      ["clearing", "10,002"],
    ]);
    for (const r of marks) {
      expect(Number(r[2].match(/^(\d+) calls$/)![1])).toBeLessThan(2_000);
      expect([r[5], r[6]]).toEqual(["< 2,000 calls", "pass"]);
    }
  });

  it("measures the pane's initial JS from the HTML page, lists the lazy chunk, and says what is not built", () => {
    const [initial, ...rest] = rowsOf(5);
    expect(initial[1]).toContain("taskpane.1a.js");
    expect(initial[2]).toBe(`${(gzipSync(pane).length / 1024).toFixed(1)} KB`);
    expect(initial[3]).toBe("166 KB");
    expect(rest.map((r) => [r[1], r[2]])).toEqual([
      ["Lazy chunk 72.3c.js (gzip)", `${(gzipSync("lazy()").length / 1024).toFixed(1)} KB`],
      ["WPS package: the .7z and the .zip handed out (their folder unpacked)", "not built"],
      ["Workbench entry JS (gzip)", "not built"],
    ]);
    expect(rowsOf(6)[0][2]).toBe("not built (no workbench page in dist/)");
    expect(rowsOf(7).map((r) => [r[2], r[5], r[6]])).toEqual([
      ["not built (no workbench page in dist/)", "≤ 4 s", "—"],
      ["not built", "≤ 1 s", "—"],
    ]);
  });
  it("with --keep, says for each kept row the run that measured it", () => {
    const out = path.join(dir, "results.md");
    // Row 5 again, then row 1 again: row 5 is then kept from the second run, the other rows from the first.
    bench("--rows", "5", "--keep");
    bench("--rows", "1", "--keep");
    const header = readFileSync(out, "utf8")
      .split("\n")
      .filter((line) => line.includes("kept from an earlier run"))
      .map((line) => line.replace(/: \d{4}-\d\d-\d\d \d\d:\d\d UTC, /, ": <date>, ").replace(/, load average .*$/, ""));
    expect(header).toEqual([
      "- Rows 2, 3, 4, 6, 7 are kept from an earlier run: <date>, `npm run bench -- --size small --runs 1 --no-build --dist " +
        path.join(dir, "dist") +
        " --out " +
        out +
        " --cli-warmup 0 --no-libreoffice`",
      "- Row 5 is kept from an earlier run: <date>, `npm run bench -- --size small --runs 1 --no-build --dist " +
        path.join(dir, "dist") +
        " --out " +
        out +
        " --rows 5 --keep`",
    ]);
  }, 180_000);
});

/**
 * @jest-environment node
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { acceptTargetSplit, proposeTargetSplit } from "../../../src/app/target-split";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { REVIEW_HEADERS, reviewTeam, TARGETS } from "../../app/actions.cases";
import { codedRepDeals } from "../../app/text-values.cases";
import { runCli } from "../../cli/cli-harness";
import { PYTHON } from "../../support/export-fixtures";
import { TEXT_THAT_LOOKS_LIKE_A_VALUE } from "../typed-entry";

/**
 * Text the add-in writes into a .xlsx stays text for another program: openpyxl (an independent reader) finds each
 * such cell a string (data type "s") holding exactly the text, and a month the file holds as a date (as Excel saves a
 * "2026-11" it converted) is the month's row when the command line's monthly pre-fill runs again.
 */
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "xlsx-text-"));

/** A column of a sheet, as openpyxl reads it: [value, data type] per row ("s" text, "n" number, "d" a number with a date format, as ISO text). */
const COLUMN = `
import sys, json, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
column = int(sys.argv[3]) if len(sys.argv) > 3 else 1
out = []
for (cell,) in ws.iter_rows(min_col=column, max_col=column):
    v = cell.value
    out.append([v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v, cell.data_type])
print(json.dumps(out, ensure_ascii=False))
`;
const readColumn = (file: string, sheet: string, column = 1) =>
  JSON.parse(execFileSync(PYTHON, ["-c", COLUMN, file, sheet, String(column)], { encoding: "utf8" })) as [CellValue, string][];

/** A workbook written by openpyxl from rows; the review's month cell a real date with Excel's mmm-yy format. */
const WRITE = `
import sys, json, datetime, openpyxl
sheets = json.load(open(sys.argv[1], encoding="utf8"))
wb = openpyxl.Workbook()
wb.remove(wb.active)
for name, rows in sheets.items():
    ws = wb.create_sheet(name)
    for row in rows:
        ws.append(row)
review = wb["月度复盘表"]
review["A3"] = datetime.datetime(2026, 11, 1)
review["A3"].number_format = "mmm-yy"
wb.save(sys.argv[2])
`;

(hasOpenpyxl ? describe : describe.skip)(`text stays text in .xlsx (needs ${PYTHON} with openpyxl)`, () => {
  it("writes codes, months and rates as strings, and progress finds a rep known by the code 0012", async () => {
    const workbook = new ExcelJS.Workbook();
    const deals = workbook.addWorksheet("成交");
    codedRepDeals().forEach((line) => deals.addRow(line));
    const host = new XlsxHost(workbook);
    await host.write({
      sheets: [
        { sheet: "代码", create: true, values: [{ row: 0, column: 0, values: TEXT_THAT_LOOKS_LIKE_A_VALUE.map((t) => [t]) }] },
      ],
    });
    const today = toExcelSerial(2026, 11, 26); // the command line's today in the harness
    await acceptTargetSplit(host, {
      proposal: await proposeTargetSplit(host, { teamTarget: "月度120万" }),
      locale: "zh-CN",
      today,
    });
    const file = path.join(dir, "codes.xlsx");
    await workbook.xlsx.writeFile(file);

    expect(readColumn(file, "代码")).toEqual(TEXT_THAT_LOOKS_LIKE_A_VALUE.map((t) => [t, "s"]));
    // The template's empty body rows follow.
    expect(readColumn(file, "目标分解表", 3).slice(0, 3)).toEqual([
      ["负责人", "s"],
      ["0012", "s"],
      ["0034", "s"],
    ]);
    const progress = await runCli(["progress", file, "--json", "--lang", "en"]);
    expect(progress.code).toBe(0);
    const rows = JSON.parse(progress.stdout).rows as { owner: string; target: { actual: number } }[];
    // November: 60万 for 0012 and 40万 for 0034, found by their codes.
    expect(rows.map((r) => [r.owner, r.target.actual])).toEqual([
      ["0012", 600000],
      ["0034", 400000],
    ]);
  });

  it("monthly --out finds a month the file holds as a date, and writes a new month as text found again", async () => {
    const input = path.join(dir, "review.xlsx");
    const rows = path.join(dir, "review.json");
    writeFileSync(
      rows,
      JSON.stringify({
        成交明细: reviewTeam(),
        目标分解表: TARGETS,
        月度复盘表: [REVIEW_HEADERS, ["2026-10", "张三、李四"], [null, "张三、李四"]],
      }),
    );
    execFileSync(PYTHON, ["-c", WRITE, rows, input]);
    expect(readColumn(input, "月度复盘表")[2]).toEqual(["2026-11-01T00:00:00", "d"]);

    const month = async (file: string, key: string, out: string) => {
      const result = await runCli(["monthly", file, "--month", key, "--out", out, "--json", "--lang", "zh-CN"]);
      expect([result.code, result.stderr]).toEqual([0, ""]);
      return JSON.parse(result.stdout) as { row: number; created: boolean };
    };
    const [first, second, third] = ["first.xlsx", "second.xlsx", "third.xlsx"].map((name) => path.join(dir, name));
    // November's row is the dated one: filled there, no row added.
    expect(await month(input, "2026-11", first)).toMatchObject({ row: 3, created: false });
    // October has a row too; September has none: a new row, its month as text.
    expect(await month(first, "2026-10", second)).toMatchObject({ row: 2, created: false });
    expect(await month(second, "2026-09", third)).toMatchObject({ row: 4, created: false });
    // Again on the file with September's row: that row, not a fifth.
    expect(await month(third, "2026-09", path.join(dir, "fourth.xlsx"))).toMatchObject({ row: 4, created: false });
    expect(readColumn(path.join(dir, "fourth.xlsx"), "月度复盘表")).toEqual([
      ["复盘时间", "s"],
      ["2026-10", "s"],
      ["2026-11-01T00:00:00", "d"],
      ["2026-09", "s"],
    ]);
  });
});

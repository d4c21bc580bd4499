/**
 * Row 1: validation of a generated workbook of target rows and weekly-tracker rows (default 10,000 +
 * 50,000; goal under 300 ms, 10% of rows flawed and all of them), and revalidating one edited row on
 * sheets of growing size (goal: flat, the cost of that row and its group). Run by scripts/bench.mjs.
 */
import type { CellValue } from "../src/core/cell/cell-value";
import { toExcelSerial } from "../src/core/cell/excel-date";
import { findTemplate } from "../src/core/templates/templates";
import type { TemplateKey } from "../src/core/templates/template.types";
import { readSheetTable, type SheetGrid } from "../src/core/sheet/sheet-table";
import { SheetValidator } from "../src/core/validate/sheet-validator";
import { createValidationSettings } from "../src/core/validate/validation-settings";
import { validateSheets } from "../src/core/validate/validate-sheets";
import { targetRows, weeklyRows } from "./lib/data";
import { fmtCount, fmtMs, fmtWallCpu, progress, readArgs, report, type Figure } from "./lib/figures";
import { alternate, median, timeOnce } from "./lib/timing";

const GOAL_MS = 300;
const settings = createValidationSettings(toExcelSerial(2026, 11, 26));
const { sizes } = readArgs();

function grid(key: TemplateKey, rows: Record<string, CellValue>[]): SheetGrid {
  const template = findTemplate(key);
  return {
    name: key,
    row: 0,
    column: 0,
    values: [template.columns.map((c) => c.header["zh-CN"]), ...rows.map((r) => template.columns.map((c) => r[c.key] ?? null))],
  };
}

const figures: Figure[] = [];
for (const flawed of [0.1, 1]) {
  const sheets = [grid("targets", targetRows(sizes.targets, flawed)), grid("weekly", weeklyRows(sizes.weekly, flawed))];
  let findings = 0;
  const t = alternate(
    { ours: () => (findings = validateSheets(sheets, { settings }).reduce((n, s) => n + s.findings.length, 0)) },
    sizes.runs,
  ).ours;
  progress(`validation, ${flawed * 100}% flawed: ${fmtMs(t.ms)} (first run ${fmtMs(t.coldMs)}), ${fmtCount(findings)} findings`);
  figures.push({
    row: 1,
    figure: `Validation: ${fmtCount(sizes.targets)} target rows + ${fmtCount(sizes.weekly)} weekly rows, ${flawed === 1 ? "all" : `${flawed * 100}% of rows`} flawed (${fmtCount(findings)} findings)`,
    ours: fmtWallCpu(t),
    peer: "—",
    ratio: null,
    goal: `< ${GOAL_MS} ms`,
    pass: t.ms < GOAL_MS,
  });
}

/** Median µs of revalidating one edited row in the middle of a sheet of `n` rows, targets and weekly alike. */
function revalidate(n: number): number {
  const table = readSheetTable(grid("targets", targetRows(n, 0.1)))!;
  const validator = new SheetValidator(table, { settings });
  const row = table.rows[Math.floor(n / 2)];
  const edited = { ...row, cells: { ...row.cells, repTarget: "25万" } };
  const wtable = readSheetTable(grid("weekly", weeklyRows(n, 0.1)))!;
  const wvalidator = new SheetValidator(wtable, { settings });
  const wrow = wtable.rows[Math.floor(n / 2)];
  const wedited = { ...wrow, cells: { ...wrow.cells, fri: 3 } };
  const one = () => {
    validator.revalidateRow(row.sheetRow, edited);
    wvalidator.revalidateRow(wrow.sheetRow, wedited);
  };
  for (let i = 0; i < 20; i++) one();
  return median(Array.from({ length: 201 }, () => timeOnce(one))) * 1000;
}

const [small, large] = sizes.revalidate;
const us = { small: revalidate(small), large: revalidate(large) };
progress(
  `revalidate one edited row: ${fmtCount(small)} rows ${us.small.toFixed(0)} µs, ${fmtCount(large)} rows ${us.large.toFixed(0)} µs`,
);
figures.push({
  row: 1,
  figure: `Revalidating one edited row (a target row and a weekly row with its group): sheet of ${fmtCount(large)} rows; peer: the same on ${fmtCount(small)} rows`,
  ours: `${us.large.toFixed(0)} µs`,
  peer: `${us.small.toFixed(0)} µs`,
  ratio: us.large / us.small,
  goal: "flat: ratio ≤ 2",
  pass: us.large / us.small <= 2,
});
report(figures);

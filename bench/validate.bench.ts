/**
 * `npm run bench`: validation of a generated workbook of 10,000 target rows and 50,000 weekly-tracker
 * rows (goal: under 300 ms on the 2-core machine), and the cost of revalidating one edited row on
 * sheets of growing size (goal: flat, O(that row)).
 */
import type { CellValue } from "../src/core/cell/cell-value";
import { toExcelSerial } from "../src/core/cell/excel-date";
import { findTemplate } from "../src/core/templates/templates";
import type { TemplateKey } from "../src/core/templates/template.types";
import { readSheetTable, type SheetGrid } from "../src/core/validate/sheet-table";
import { SheetValidator } from "../src/core/validate/sheet-validator";
import { createValidationSettings } from "../src/core/validate/validation-settings";
import { validateSheets } from "../src/core/validate/validate-sheets";

const settings = createValidationSettings(toExcelSerial(2026, 11, 26));

function grid(key: TemplateKey, rows: Record<string, CellValue>[]): SheetGrid {
  const template = findTemplate(key);
  return {
    name: key,
    row: 0,
    column: 0,
    values: [template.columns.map((c) => c.header["zh-CN"]), ...rows.map((r) => template.columns.map((c) => r[c.key] ?? null))],
  };
}

/**
 * Target rows: teams of three reps (35万/35万/30万 of 100万), each row with its own numbers. `flawed` is the
 * share of rows with a problem (vague KR, unreadable deadline, criterion that contradicts its KR, a share off).
 */
function targetRows(n: number, flawed: number): Record<string, CellValue>[] {
  const shares = ["35万", "35万", "30万"];
  const every = Math.max(1, Math.round(1 / flawed));
  return Array.from({ length: n }, (_v, i) => {
    const bad = i % every === 0;
    const k = 5 + (i % 97);
    return {
      teamTarget: `月度100万 #${Math.floor(i / 3)}`,
      targetItem: "销售额",
      owner: `成员${i}`,
      repTarget: bad && i % 4 === 1 ? "25万" : shares[i % 3],
      deadline: bad && i % 4 === 2 ? "尽快" : `${20 + (i % 10)}日`,
      keyResults: bad && i % 4 === 3 ? `1.新客户开发${k}个 2.提升客户满意度` : `1.新客户开发${k}个 2.复购率${40 + (i % 53)}%`,
      criteria: `1.实际开发≥${bad && i % 4 === 0 ? k - 2 : k}个 2.复购客户数≥现有客户数${40 + (i % 53)}%`,
    };
  });
}

/** Weekly rows: 46 past weeks per rep and metric; `flawed` of them missed with a gap in the data or the write-up. */
function weeklyRows(n: number, flawed: number): Record<string, CellValue>[] {
  const metrics = ["新客户开发", "电话", "拜访", "方案提交"];
  const every = Math.max(1, Math.round(1 / flawed));
  return Array.from({ length: n }, (_v, i) => {
    const bad = i % every === 0;
    return {
      week: toExcelSerial(2026, 1, 5) + 7 * (i % 46),
      owner: `成员${Math.floor(i / 184)}`,
      metric: metrics[Math.floor(i / 46) % 4],
      target: 75,
      mon: 15,
      tue: bad && i % 3 === 0 ? null : 15,
      wed: bad && i % 3 === 1 ? "十五" : 15,
      thu: bad ? 5 : 15 + (i % 3),
      fri: 15,
      reason: bad && i % 2 === 0 ? "客户未接听" : null,
    };
  });
}

/** The first run (cold: nothing compiled or remembered yet) and the median of the next `runs`. */
function time<T>(fn: () => T, runs = 5): { ms: number; coldMs: number; result: T } {
  const coldStart = process.hrtime.bigint();
  fn();
  const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], coldMs, result };
}

for (const flawed of [0.1, 1]) {
  const sheets = [grid("targets", targetRows(10_000, flawed)), grid("weekly", weeklyRows(50_000, flawed))];
  global.gc?.();
  const full = time(() => validateSheets(sheets, { settings }));
  const heapAfter = process.memoryUsage().heapUsed;
  const findings = full.result.reduce((n, s) => n + s.findings.length, 0);
  console.log(
    `full validation, 10,000 target rows + 50,000 weekly rows, ${flawed * 100}% of rows flawed: ${full.ms.toFixed(1)} ms (median of 5; first run ${full.coldMs.toFixed(1)} ms), ${findings} findings`,
  );
  console.log(
    `  memory: heap in use ${(heapAfter / 1e6).toFixed(0)} MB (inputs, results of 6 runs kept, parse memory), rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}

for (const n of [1_000, 10_000, 100_000]) {
  const table = readSheetTable(grid("targets", targetRows(n, 0.1)))!;
  const validator = new SheetValidator(table, { settings });
  const row = table.rows[Math.floor(n / 2)];
  const edited = { ...row, cells: { ...row.cells, repTarget: "25万" } };
  const one = time(() => validator.revalidateRow(row.sheetRow, edited), 201);
  const wtable = readSheetTable(grid("weekly", weeklyRows(n, 0.1)))!;
  const wvalidator = new SheetValidator(wtable, { settings });
  const wrow = wtable.rows[Math.floor(n / 2)];
  const wone = time(() => wvalidator.revalidateRow(wrow.sheetRow, { ...wrow, cells: { ...wrow.cells, fri: 3 } }), 201);
  console.log(
    `revalidate one edited row, sheet of ${n.toLocaleString("en-US")} rows: targets ${(one.ms * 1000).toFixed(0)} µs, weekly ${(wone.ms * 1000).toFixed(0)} µs (its group: ${wone.result.rows.length} rows)`,
  );
}

// A weekly plan tracker of N rows as an .xlsx, written by ExcelJS's streaming writer (any size in
// little memory): 46 past weeks per rep and metric, `flawed` of the rows missed with a gap in the
// data or the write-up, as in bench/validate.bench.ts.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");

const HEADERS = [
  "周开始日期",
  "负责人",
  "指标",
  "本周目标(量化)",
  "周一完成情况",
  "周二完成情况",
  "周三完成情况",
  "周四完成情况",
  "周五完成情况",
  "本周合计",
  "完成率(%)",
  "未完成原因",
  "改进措施",
];
const METRICS = ["新客户开发", "电话", "拜访", "方案提交"];

/** Writes `file` with one sheet "周计划跟踪表" of `rows` data rows; `flawed` is the share of rows with a problem. */
export async function writeWeeklyTracker(file, rows, flawed = 0.1) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("周计划跟踪表");
  ws.addRow(HEADERS).commit();
  const every = Math.max(1, Math.round(1 / flawed));
  for (let i = 0; i < rows; i++) {
    const bad = i % every === 0;
    const row = ws.addRow([
      new Date(Date.UTC(2026, 0, 5 + 7 * (i % 46))),
      `成员${Math.floor(i / 184)}`,
      METRICS[Math.floor(i / 46) % 4],
      75,
      15,
      bad && i % 3 === 0 ? null : 15,
      bad && i % 3 === 1 ? "十五" : 15,
      bad ? 5 : 15 + (i % 3),
      15,
      null,
      null,
      bad && i % 2 === 0 ? "客户未接听" : null,
      null,
    ]);
    row.getCell(1).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

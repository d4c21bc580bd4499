import { acceptTargetSplit, proposeTargetSplit } from "../../../src/app/target-split";
import { diagnoseWorkbook } from "../../../src/app/diagnose-workbook";
import { fillActionPlan } from "../../../src/app/fill-action-plan";
import { fillCustomerAnalysis } from "../../../src/app/fill-customer-analysis";
import { prefillMonthlyReview } from "../../../src/app/prefill-monthly-review";
import { insertTemplates } from "../../../src/app/insert-templates";
import { startLiveValidation } from "../../../src/app/live-validation";
import { trackProgress } from "../../../src/app/track-progress";
import { clearMarks, markFindings } from "../../../src/app/mark-findings";
import { validateWorkbook } from "../../../src/app/validate-workbook";
import { runWeeklyReview } from "../../../src/app/weekly-review";
import type { UseCaseName } from "../../../src/app/use-cases";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { findTemplate } from "../../../src/core/templates/templates";
import type { EtApplication } from "../../../src/hosts/wps/et-object-model";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { cellAddress } from "../../../src/core/cell/a1";
import { readMarkAreas } from "../../../src/core/validate/mark-areas";
import { MARK_FILL, NOTE_PREFIX, type CellMark, type MarkTone } from "../../../src/core/validate/marks";
import { NOTE_LIMIT } from "../../../src/hosts/wps/wps-host";
import { bgrToHex, FakeEt } from "./fake-et";

/**
 * ET object-model calls per use case for 10 and for 2,000 rows, on the recording fake (WPS cannot
 * run here; each property read, write or method reached through the model counts as one call).
 * Values go in and out as blocks, so the count does not grow with the rows; it grows with the sheets,
 * columns, marks and charts. The 10-row figures are README.md's ("WPS"); 2,000 rows are enough to show
 * that the rows do not count, and the bench (bench/office.bench.ts, `npm run bench`) counts the calls
 * at 100,000 rows.
 */
jest.setTimeout(300_000);
const TODAY = toExcelSerial(2026, 11, 26);
const WEEKLY_HEADER = findTemplate("weekly")
  .columns.slice(0, 9)
  .map((c) => c.header["zh-CN"]);

/** Weekly rows; every `errorEvery`-th row has a negative day (an error to mark). */
const weekly = (rows: number, errorEvery = 0): CellValue[][] => [
  WEEKLY_HEADER,
  ...Array.from({ length: rows }, (_v, i) => [
    toExcelSerial(2026, 11, 16),
    `成员${i % 50}`,
    "电话",
    75,
    15,
    15,
    15,
    15,
    errorEvery && i % errorEvery === 0 ? -1 : 15,
  ]),
];

/** Deals over September to November, 20 reps, 5 customer types. */
const deals = (rows: number): CellValue[][] => [
  ["成交日期", "负责人", "客户名称", "客户类型", "成交金额"],
  ...Array.from({ length: rows }, (_v, i) => [
    toExcelSerial(2026, 9 + (i % 3), 1 + (i % 28)),
    `成员${i % 20}`,
    `客户${i % 997}`,
    `类型${i % 5}`,
    1000 + (i % 50) * 100,
  ]),
];

async function callsOf(
  existing: { name: string; values: CellValue[][] }[],
  run: (host: WpsHost, fake: FakeEt) => Promise<unknown>,
) {
  const fake = new FakeEt(existing);
  const host = new WpsHost(fake.application as EtApplication);
  const before = fake.calls;
  await run(host, fake);
  return fake.calls - before;
}

/** A target sheet made before the progress columns: three reps' monthly targets and KRs. */
const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)"],
  ...[0, 1, 2].map((i) => ["月度100万", "销售额", `成员${i}`, "35万", "30日", "1.新客户开发8个 2.复购率60%"]),
];

const USE_CASES: readonly [string, (rows: number) => Promise<number>][] = [
  [
    "trackProgress",
    (n) =>
      callsOf(
        [
          { name: "成交明细", values: deals(n) },
          { name: "目标", values: TARGETS },
        ],
        (h) => trackProgress(h, { locale: "zh-CN", today: TODAY }),
      ),
  ],
  ["insertTemplates (with examples)", () => callsOf([], (h) => insertTemplates(h, { locale: "zh-CN", withExamples: true }))],
  ["validateWorkbook", (n) => callsOf([{ name: "周", values: weekly(n) }], (h) => validateWorkbook(h, { today: TODAY }))],
  [
    "markFindings (no findings)",
    (n) => callsOf([{ name: "周", values: weekly(n) }], (h) => markFindings(h, { today: TODAY, locale: "zh-CN" })),
  ],
  ["clearMarks", (n) => callsOf([{ name: "周", values: weekly(n) }], (h) => clearMarks(h))],
  [
    "fillCustomerAnalysis",
    (n) => callsOf([{ name: "成交明细", values: deals(n) }], (h) => fillCustomerAnalysis(h, { locale: "zh-CN" })),
  ],
  [
    "fillActionPlan (a new action plan)",
    (n) => callsOf([{ name: "成交明细", values: deals(n) }], (h) => fillActionPlan(h, { locale: "zh-CN", today: TODAY })),
  ],
  [
    "prefillMonthlyReview (a new review sheet)",
    (n) => callsOf([{ name: "成交明细", values: deals(n) }], (h) => prefillMonthlyReview(h, { locale: "zh-CN", today: TODAY })),
  ],
  [
    "diagnoseWorkbook (with 4 charts)",
    (n) => callsOf([{ name: "成交明细", values: deals(n) }], (h) => diagnoseWorkbook(h, { locale: "zh-CN", today: TODAY })),
  ],
  [
    "proposeTargetSplit + acceptTargetSplit",
    (n) =>
      callsOf([{ name: "成交明细", values: deals(n) }], async (h) => {
        const proposal = await proposeTargetSplit(h, { teamTarget: "月度500万" });
        await acceptTargetSplit(h, { proposal, locale: "zh-CN", deadline: "30日" });
      }),
  ],
  [
    "runWeeklyReview (the review sheet, no completion under 85%)",
    (n) => callsOf([{ name: "周", values: weekly(n) }], (h) => runWeeklyReview(h, { today: TODAY, locale: "zh-CN" })),
  ],
  [
    "live validation: one burst of edits (one row edited, marked)",
    async (n) => {
      const fake = new FakeEt([{ name: "周", values: weekly(n) }]);
      const host = new WpsHost(fake.application as EtApplication);
      const live = await startLiveValidation(host, { today: TODAY, locale: "zh-CN", debounceMs: 0, onFindings: () => undefined });
      const start = fake.calls;
      fake.edit("周", 5, 8, [[-1]]); // the user's edit raises SheetChange: the handler reads its sheet and address
      await live.flush();
      const burst = fake.calls - start;
      await live.stop();
      return burst;
    },
  ],
];

/** Measured on the fake; a change here is a change in how the host talks to ET (README.md "WPS"). */
const EXPECTED: Readonly<Record<string, number>> = {
  "insertTemplates (with examples)": 428,
  "prefillMonthlyReview (a new review sheet)": 95,
  validateWorkbook: 22,
  "markFindings (no findings)": 26,
  clearMarks: 26,
  fillCustomerAnalysis: 116,
  trackProgress: 58,
  "proposeTargetSplit + acceptTargetSplit": 112,
  "live validation: one burst of edits (one row edited, marked)": 39,
  "runWeeklyReview (the review sheet, no completion under 85%)": 60,
};

describe("ET calls per use case do not grow with the rows (recording ET fake: WPS cannot run here)", () => {
  it.each(USE_CASES)("%s", async (name, run) => {
    const small = await run(10);
    const large = await run(2_000);
    if (name.startsWith("diagnoseWorkbook")) {
      // The report's own size varies with what the data shows (reps, customer types, problems).
      expect([small, large]).toEqual([283, 273]);
    } else if (name.startsWith("fillActionPlan")) {
      // Likewise the strategies the TOP 3 bring (a run of formats per metric kind), never the rows.
      expect([small, large]).toEqual([139, 139]);
    } else {
      expect(large).toBe(small);
      expect(small).toBe(EXPECTED[name]);
    }
  });

  it("marks grow with the findings, not the rows: a few formats, and a note per marked cell up to NOTE_LIMIT", async () => {
    const tenPercent = async (n: number) =>
      callsOf([{ name: "周", values: weekly(n, 10) }], (h) => markFindings(h, { today: TODAY, locale: "zh-CN" }));
    const [small, large] = [await tenPercent(10), await tenPercent(1000)];
    // 1 and 100 marked cells (every 10th row of a column: one format); each note is Range, Comment, AddComment.
    expect(small).toBe(45);
    // The one format's cells are a few Range() calls joined by one Union.
    expect(large - small - 99 * NOTE_CALLS).toBeLessThan(10);
    // Past NOTE_LIMIT marks, no notes: the calls are the formats'.
    const notesLeftOut = await tenPercent(10 * (NOTE_LIMIT + 1));
    expect(notesLeftOut - small).toBeLessThan(20);
  });
});

/** A note on a marked cell: Range (the format's own when it is that one cell), Comment, AddComment. */
const NOTE_CALLS = 3;

/**
 * `count` marked cells spread as findings fall on a large sheet: rows with gaps, several columns (C to L),
 * a few side by side or under each other, the three severities (fixed seed: the same cells every run).
 */
function spreadMarks(count: number, seed: number): CellMark[] {
  let a = seed;
  const rnd = () => {
    a = (a * 1_103_515_245 + 12_345) % 2 ** 31;
    return a / 2 ** 31;
  };
  const tones = ["error", "warning", "info"] as const;
  const marks = new Map<string, CellMark>();
  let row = 1;
  while (marks.size < count) {
    row += 1 + Math.floor(rnd() * 8);
    const column = 2 + Math.floor(rnd() * 10);
    const severity = tones[Math.floor(rnd() * 3)];
    const wide = rnd() < 0.15 ? 3 : 1;
    const tall = rnd() < 0.1 ? 4 : 1;
    for (let r = row; r < row + tall; r++)
      for (let c = column; c < column + wide && marks.size < count; c++)
        marks.set(`${r},${c}`, { row: r, column: c, severity, note: `${NOTE_PREFIX}\n第${r + 1}行` });
    row += tall - 1;
  }
  return [...marks.values()];
}

describe("10,000 marked cells on WPS: under 2,000 ET calls to mark, read back, clear or replace (recording ET fake)", () => {
  const SHEET = "周计划跟踪表";
  const LIMIT = 2_000;
  const counted = async (fake: FakeEt, run: () => Promise<unknown>) => {
    const before = fake.calls;
    await run();
    return fake.calls - before;
  };
  const setup = async () => {
    const fake = new FakeEt([{ name: SHEET, values: weekly(10) }]);
    const sheet = fake.sheet(SHEET);
    // The user's own rule and note, which must stay.
    sheet.conditions.push({ address: "A1:L9", type: 2, formula1: "=$A1>0", color: 0x00ff00 });
    sheet.comments.set("C3", "用户自己的批注");
    return { fake, host: new WpsHost(fake.application as EtApplication), sheet };
  };
  const cellsOf = (marks: readonly { row: number; column: number; severity?: string; kind?: string }[]) =>
    marks.map((m) => `${cellAddress(m.row, m.column)} ${m.severity ?? m.kind}`).sort();
  const kindOf = (m: CellMark) => (m.severity === "below" ? "completion" : "finding");

  it("marks them in few calls, reads exactly them back, and clears them, leaving the user's rule and note", async () => {
    const { fake, host, sheet } = await setup();
    const marks = spreadMarks(10_000, 7);
    const marking = await counted(fake, () => host.write({ sheets: [{ sheet: SHEET, marks: { remove: [], add: marks } }] }));
    let read: Awaited<ReturnType<WpsHost["readSheets"]>> = [];
    const reading = await counted(fake, async () => (read = await host.readSheets([SHEET], { marks: true })));
    expect(cellsOf(read[0].marks!)).toEqual(cellsOf(marks.map((m) => ({ ...m, severity: kindOf(m) }))));
    // The fills are the severities' own.
    const byTone = new Map(sheet.conditions.map((c) => [readMarkAreas(c.formula1)?.tone, c.color]));
    expect(["error", "warning", "info"].map((t) => bgrToHex(byTone.get(t as MarkTone)!))).toEqual([
      MARK_FILL.error,
      MARK_FILL.warning,
      MARK_FILL.info,
    ]);
    const clearing = await counted(fake, () => clearMarks(host));
    expect(sheet.conditions).toEqual([{ address: "A1:L9", type: 2, formula1: "=$A1>0", color: 0x00ff00 }]);
    expect([...sheet.comments.entries()]).toEqual([["C3", "用户自己的批注"]]);
    expect(marking).toBeLessThan(LIMIT);
    expect(reading).toBeLessThan(LIMIT);
    expect(clearing).toBeLessThan(LIMIT);
  });

  it("replaces 10,000 marks with 10,000 others in under 2,000 calls, and some rows' marks without touching the rest", async () => {
    const { fake, host } = await setup();
    await host.write({ sheets: [{ sheet: SHEET, marks: { remove: [], add: spreadMarks(10_000, 7) } }] });
    const next = spreadMarks(10_000, 11);
    const replacing = await counted(fake, async () => {
      const [grid] = await host.readSheets([SHEET], { marks: true });
      await host.write({ sheets: [{ sheet: SHEET, marks: { remove: grid.marks!.map((m) => m.handle), add: next } }] });
    });
    expect(replacing).toBeLessThan(LIMIT);
    // As live validation does: the marks of a few rows go, one new mark comes.
    const [grid] = await host.readSheets([SHEET], { marks: true });
    const rows = new Set(next.slice(100, 110).map((m) => m.row));
    const stale = grid.marks!.filter((m) => rows.has(m.row));
    const added: CellMark = { row: 0, column: 0, severity: "below", note: "" };
    const partly = await counted(fake, () =>
      host.write({ sheets: [{ sheet: SHEET, marks: { remove: stale.map((m) => m.handle), add: [added] } }] }),
    );
    const [after] = await host.readSheets([SHEET], { marks: true });
    const expected = [
      ...next.filter((m) => !rows.has(m.row)).map((m) => ({ ...m, severity: kindOf(m) })),
      { ...added, severity: "completion" },
    ];
    expect(cellsOf(after.marks!)).toEqual(cellsOf(expected));
    // Every format's formula is read (two calls each); only those that lose a cell are written again.
    expect(partly).toBeLessThan(400);
  });
});

describe("the weekly review's highlights on WPS: 10,000 of them in under 2,000 ET calls, again likewise (recording ET fake)", () => {
  it("highlights every completion under the threshold as a few formats, and replaces them on the next run", async () => {
    // 20,000 weekly rows, every other one short of its target (25 of 75).
    const rows = weekly(20_000).map((line, i) => (i > 0 && i % 2 === 0 ? [...line.slice(0, 4), 5, 5, 5, 5, 5] : line));
    const fake = new FakeEt([{ name: "周", values: rows }]);
    const host = new WpsHost(fake.application as EtApplication);
    const run = async () => {
      const before = fake.calls;
      const result = await runWeeklyReview(host, { today: TODAY, locale: "zh-CN" });
      return [result.highlighted, fake.calls - before];
    };
    const [highlighted, first] = await run();
    const [again, second] = await run();
    expect(highlighted).toBeGreaterThanOrEqual(10_000);
    expect(again).toBe(highlighted);
    expect([first, second].every((calls) => calls < 2_000)).toBe(true);
    const [read] = await host.readSheets(["周"], { marks: true });
    expect(read.marks!.filter((m) => m.kind === "completion").length).toBe(highlighted);
  });
});

/** Every use case of the catalogue: the row above that counts its calls, or why none does. */
const COUNTED_AS = {
  insertTemplates: "insertTemplates (with examples)",
  validateWorkbook: "validateWorkbook",
  markFindings: "markFindings (no findings)",
  clearMarks: "clearMarks",
  startLiveValidation: "live validation: one burst of edits (one row edited, marked)",
  diagnose: "diagnoseWorkbook (with 4 charts)",
  fillCustomerAnalysis: "fillCustomerAnalysis",
  proposeTargetSplit: "proposeTargetSplit + acceptTargetSplit",
  acceptTargetSplit: "proposeTargetSplit + acceptTargetSplit",
  weeklyReview: "runWeeklyReview (the review sheet, no completion under 85%)",
  fillActionPlan: "fillActionPlan (a new action plan)",
  prefillMonthlyReview: "prefillMonthlyReview (a new review sheet)",
  trackProgress: "trackProgress",
  readSettings: "not applicable: one block read of the settings sheet, a few rows whatever the data",
  saveSettings: "not applicable: one block read and one block write of the settings sheet, a few rows whatever the data",
  readDataColumns: "not applicable: the same two reads as validateWorkbook, counted there",
  applySafeFix: "not applicable: one cell read and written",
} satisfies Record<UseCaseName, string>;

describe("ET calls are counted for every use case of the catalogue", () => {
  const counted = Object.entries(COUNTED_AS).filter(([, row]) => !row.startsWith("not applicable: "));
  it.each(counted)("%s: %s", (_name, row) => {
    expect(USE_CASES.map(([label]) => label)).toContain(row);
  });
});

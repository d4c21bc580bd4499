import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { startLiveValidation } from "../../src/app/live-validation";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { Finding } from "../../src/core/validate/finding";
import type { HostFactory, HostUnderTest } from "./host-under-test";
import { localize } from "../../src/core/i18n/locale";
import { MESSAGES } from "../../src/core/i18n/messages";
import { sheetProtected } from "../../src/app/use-case-error";
import { placeAt } from "./validate-workbook.cases";

const TODAY = toExcelSerial(2026, 11, 26);
const HEADER = ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"];
const row = (owner: CellValue, share: string): CellValue[] => [
  "月度100万",
  "销售额",
  owner,
  share,
  "30日",
  "1.新客户开发8个 2.复购率60%",
  "1.实际开发≥8个 2.复购客户数≥现有客户数60%",
];
/** Row 3 has no owner (an error on C3); the shares add up to 90万 of 100万 (a warning on D2). */
const TARGETS: CellValue[][] = [HEADER, row("甲", "35万"), row(null, "35万"), row("丙", "20万")];

/** A fresh copy for each workbook: a host may keep the arrays it is seeded with and edit them in place. */
const copy = (values: readonly (readonly CellValue[])[]): CellValue[][] => values.map((line) => [...line]);

/** The same table with its header on row 4 and its first column at B. */
const TARGETS_AT_B4 = placeAt(TARGETS, 4, 2);

/** Validate in place, clear marks and live validation, once for every host that marks. */
export function describeMarks(hostName: string, create: HostFactory): void {
  describe(`marks on cells on ${hostName}`, () => {
    it("marks each finding's cell, in three round trips", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      const result = await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      expect(result.counts).toEqual({ error: 1, warning: 1, info: 0 });
      expect(result.marked).toBe(2);
      expect(t.roundTrips()).toBe(3);
      await t.load?.();
      expect(t.marks("目标")).toEqual(["C3 error", "D2 warning"]);
    });

    it("replaces its previous marks rather than piling them up, and clears them all", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      await t.load?.();
      expect(t.marks("目标")).toEqual(["C3 error", "D2 warning"]);
      expect(await clearMarks(t.host)).toEqual({ removed: 2, protectedSheets: [] });
      await t.load?.();
      expect(t.marks("目标")).toEqual([]);
      expect(t.value("目标", 1, 2)).toBe("甲");
    });

    it("skips a protected sheet with one note and marks the others", async () => {
      const t = create([
        { name: "目标", values: copy(TARGETS) },
        { name: "目标分解表", values: copy(TARGETS) },
      ]);
      await t.protect!("目标分解表");
      const result = await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      // Both sheets are checked; only the open one is marked.
      expect(result.counts).toEqual({ error: 2, warning: 2, info: 0 });
      expect(result.marked).toBe(2);
      expect(result.protectedSheets).toEqual(["目标分解表"]);
      expect(localize(MESSAGES.marksSkippedProtected, "en", { sheet: result.protectedSheets[0] })).toBe(
        "目标分解表 is protected: marks not added there",
      );
      await t.load?.();
      expect(t.marks("目标")).toEqual(["C3 error", "D2 warning"]);
      expect(t.marks("目标分解表")).toEqual([]);
      expect(await clearMarks(t.host)).toEqual({ removed: 2, protectedSheets: [] });
    });

    it("says in one sentence that a write the host refused was to a protected sheet", async () => {
      const t = create([{ name: "目标分解表", values: copy(TARGETS) }]);
      await t.protect!("目标分解表");
      const write = t.host.write({ sheets: [{ sheet: "目标分解表", values: [{ row: 2, column: 2, values: [["乙"]] }] }] });
      // Excel and WPS refuse it (as their fakes do), and so does the memory host; a file and Univer's model take it.
      if (["excel", "wps", "memory"].includes(t.host.kind)) {
        await expect(write).rejects.toEqual(sheetProtected("目标分解表"));
        await expect(write).rejects.toHaveProperty(
          "text.zh-CN",
          "工作表“目标分解表”受保护，插件无法写入：请先撤消工作表保护，再试一次。",
        );
      } else {
        await write;
        await t.load?.();
        expect(t.value("目标分解表", 2, 2)).toBe("乙");
      }
    });

    it("marks the cells the findings name when the table starts at B4", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS_AT_B4) }]);
      const result = await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      expect(result.findings.map((f) => f.cell)).toEqual(["D6", "E5"]);
      await t.load?.();
      expect(t.marks("目标")).toEqual(["D6 error", "E5 warning"]);
    });
  });
}

/** Starts live validation on a host, the findings it last reported at hand (`latest()`), failures to `onError`. */
async function watch(host: HostUnderTest["host"], onError?: (error: unknown) => void) {
  let latest: readonly Finding[] = [];
  const live = await startLiveValidation(host, {
    today: TODAY,
    locale: "zh-CN",
    debounceMs: 10_000,
    onFindings: (f) => (latest = f),
    ...(onError ? { onError } : {}),
  });
  return { live, latest: () => latest };
}

/** Live validation, for hosts that report edits. */
export function describeLiveValidation(hostName: string, create: HostFactory): void {
  describe(`live validation on ${hostName}`, () => {
    it("revalidates the edited row and its group, and moves the marks", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      const { live, latest } = await watch(t.host);
      expect(
        latest()
          .map((f) => f.cell)
          .sort(),
      ).toEqual(["C3", "D2"]);

      const before = t.roundTrips();
      await t.edit!("目标", 2, 2, [["乙"]]); // the owner is filled in
      await t.edit!("目标", 3, 3, [["30万"]]); // and the shares now add up
      await live.flush();
      // One read and one write for the burst of two edits.
      expect(t.roundTrips() - before).toBe(2);
      expect(latest()).toEqual([]);
      expect(t.marks("目标")).toEqual([]);

      await t.edit!("目标", 1, 5, [["1.新客户开发8个"]]); // one KR only: a warning on F2, and a criteria mismatch
      await live.flush();
      expect(latest().map((f) => `${f.cell} ${f.rule}`)).toEqual(["F2 kr.count", "G2 criteria.count"]);
      expect(t.marks("目标")).toEqual(["F2 warning", "G2 warning"]);
      await live.stop();
    });

    it("moves the marks on a table that starts at B4, and the header note with the first share typed in", async () => {
      const empty = placeAt(
        TARGETS.map((line, i) => line.map((v, c) => (i > 0 && c === 3 ? null : v))),
        4,
        2,
      );
      const t = create([{ name: "目标", values: empty }]);
      const { live, latest } = await watch(t.host);
      // No share anywhere: one note on the 个人目标 header (E4), and the missing owner on D6.
      expect(latest().map((f) => `${f.cell} ${f.rule}`)).toEqual(["E4 sheet.column.empty", "D6 target.specific.owner"]);
      await t.edit!("目标", 5, 3, [["乙"]]);
      await t.edit!("目标", 4, 4, [["35万"]]);
      await live.flush();
      // The first share makes the column count: the note goes, the rows still without one are named.
      expect(latest().map((f) => `${f.cell} ${f.rule}`)).toEqual(["E6 decomposition.missing", "E7 decomposition.missing"]);
      expect(t.marks("目标")).toEqual(["E6 warning", "E7 warning"]);
      await live.stop();
    });

    it("keeps findings on the right rows when a row is deleted and the host reports only that row", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      const { live, latest } = await watch(t.host);
      // Row 3 deleted: 丙 moves up to row 3 and row 4 empties; the host reports row 3 only.
      await t.host.write({
        sheets: [{ sheet: "目标", values: [{ row: 2, column: 0, values: [TARGETS[3], TARGETS[3].map(() => null)] }] }],
      });
      await t.edit!("目标", 2, 0, [TARGETS[3]]);
      await live.flush();
      expect(latest().map((f) => `${f.cell} ${f.rule}`)).toEqual(["D2 decomposition.sum"]);
      expect(latest()[0].message["zh-CN"]).toBe("个人目标合计55万，团队总目标100万，还差45万未分配。");
      await live.stop();
    });

    it("rechecks every area of an edit of several areas at once", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      const { live, latest } = await watch(t.host);
      // The owner typed into C3 and the share into D4 in one go: one event for "$C$3,$D$4".
      await t.editAreas!("目标", [
        { row: 2, column: 2, values: [["乙"]] },
        { row: 3, column: 3, values: [["30万"]] },
      ]);
      await live.flush();
      expect(latest()).toEqual([]);
      expect(t.marks("目标")).toEqual([]);
      await live.stop();
    });

    it("rechecks every area of a selection too long for one address (past 255 characters)", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      const live = await startLiveValidation(t.host, { today: TODAY, locale: "zh-CN", debounceMs: 10_000, onFindings: () => {} });
      // Fifty empty cells of K cleared with C3's owner typed in one go: "$K$10,$K$12,…,$C$3" runs past 255 characters,
      // where a host's Range.Address is cut; C3's area is the last.
      const cleared = Array.from({ length: 50 }, (_v, i) => ({ row: 9 + 2 * i, column: 10, values: [[null]] as CellValue[][] }));
      await t.editAreas!("目标", [...cleared, { row: 2, column: 2, values: [["乙"]] }]);
      await live.flush();
      expect(t.marks("目标")).toEqual(["D2 warning"]);
      await live.stop();
    });

    it("checks a protected sheet as reps type, without marking it or failing", async () => {
      const t = create([{ name: "目标分解表", values: copy(TARGETS) }]);
      await t.protect!("目标分解表");
      const errors: unknown[] = [];
      const { live, latest } = await watch(t.host, (e) => errors.push(e));
      await t.edit!("目标分解表", 1, 5, [["1.新客户开发8个"]]);
      await live.flush();
      expect(errors).toEqual([]);
      expect(latest().map((f) => `${f.cell} ${f.rule}`)).toContain("F2 kr.count");
      expect(t.marks("目标分解表")).toEqual([]);
      await live.stop();
    });

    describeEditLedger(create);

    it("hands a failed pass to the pane instead of dropping it, and keeps checking", async () => {
      const t = create([{ name: "目标", values: copy(TARGETS) }]);
      const errors: unknown[] = [];
      const live = await startLiveValidation(t.host, { today: TODAY, locale: "zh-CN", debounceMs: 10_000, onFindings: () => {} });
      const { readSheets } = t.host;
      t.host.readSheets = () => Promise.reject(new Error("the workbook was closed"));
      await t.edit!("目标", 2, 2, [["乙"]]);
      await live.flush();
      // Failures before anyone listens are kept, and handed over when someone does.
      live.onError((error) => errors.push(error));
      expect(errors).toEqual([new Error("the workbook was closed")]);
      t.host.readSheets = readSheets;
      await t.edit!("目标", 3, 3, [["30万"]]);
      await live.flush();
      expect(errors).toHaveLength(1);
      await live.stop();
    });
  });
}

/**
 * The add-in's own writes are never taken for the user's edits, and the user's edit of the cells the add-in has
 * just written is never taken for the add-in's, whether the host reports the add-in's write (during it or later:
 * `echo`) or not at all. Runs within the live validation table, and alone on a host's no-echo variant.
 */
export function describeEditLedger(create: HostFactory): void {
  it("checks the user's edit of cells the add-in has just written, and never the add-in's write itself", async () => {
    const t = create([{ name: "目标", values: copy(TARGETS) }]);
    let passes = 0;
    let latest: readonly Finding[] = [];
    const live = await startLiveValidation(t.host, {
      today: TODAY,
      locale: "zh-CN",
      debounceMs: 10_000,
      onFindings: (f) => {
        passes++;
        latest = f;
      },
    });
    expect(passes).toBe(1);
    // The add-in fills the missing owner (C3); a host that reports its writes later does so now.
    await t.host.write({ sheets: [{ sheet: "目标", values: [{ row: 2, column: 2, values: [["乙"]] }] }] });
    await t.echo?.("目标", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    await live.flush();
    expect(passes).toBe(1);
    // A moment later the user clears it again: checked, whether or not the host reported the write.
    await t.edit!("目标", 2, 2, [[null]]);
    await live.flush();
    expect(passes).toBe(2);
    expect(latest.map((f) => `${f.cell} ${f.rule}`)).toContain("C3 target.specific.owner");
    await live.stop();
  });
}

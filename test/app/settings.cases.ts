import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { readDataColumns } from "../../src/app/data-columns";
import {
  readWorkbookSettings,
  saveWorkbookSettings,
  SETTINGS_SHEET,
  settingsFromSheets,
  updateWorkbookSettings,
} from "../../src/app/workbook-settings";
import type { CellValue } from "../../src/core/cell/cell-value";
import { serialOfLocalDate } from "../../src/core/cell/excel-date";
import { DEAL_SHEET } from "./analysis.cases";
import type { HostFactory } from "./host-under-test";

const TODAY = serialOfLocalDate(new Date(2026, 10, 26));
const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
  ["月度100万", "销售额", "张三", "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
];
/** DEAL_SHEET under headers no detection knows: only a mapping explains them. */
const ODD_HEADERS = ["D", "Who", "Client", "Kind", "Value", "Ref", "State"];

/** The team's settings kept in the workbook, and the use cases that follow them, once for every host. */
export function describeSettings(hostName: string, create: HostFactory): void {
  describe(`workbook settings on ${hostName}`, () => {
    it("keeps the settings in a hidden sheet as literal text, read back whole, left-over rows cleared", async () => {
      const t = create([{ name: "目标", values: TARGETS }]);
      const saved = await saveWorkbookSettings(t.host, {
        thresholds: { completionTarget: 0.9, minKeyResults: 3, maxKeyResults: 4 },
        locale: "en",
        map: { amount: "=Value" },
      });
      await t.load?.();
      expect(saved).toEqual({ sheet: SETTINGS_SHEET, created: true });
      expect(t.hidden(SETTINGS_SHEET)).toBe(true);
      expect(t.hidden("目标")).toBe(false);
      // Text, never a formula, even where it looks like one (Excel and WPS keep number-like text as the number).
      expect([t.value(SETTINGS_SHEET, 1, 0), String(t.value(SETTINGS_SHEET, 1, 1))]).toEqual(["completionTarget", "0.9"]);
      expect(t.value(SETTINGS_SHEET, 5, 1)).toBe("=Value");
      expect(t.formula(SETTINGS_SHEET, 5, 1) ?? null).toBeNull();
      expect(await readWorkbookSettings(t.host)).toEqual({
        thresholds: { completionTarget: 0.9, minKeyResults: 3, maxKeyResults: 4 },
        locale: "en",
        map: { amount: "=Value" },
      });
      const again = await saveWorkbookSettings(t.host, { thresholds: { coachingDays: 5 }, map: {} });
      await t.load?.();
      expect(again.created).toBe(false);
      expect([t.value(SETTINGS_SHEET, 2, 0) ?? null, t.value(SETTINGS_SHEET, 5, 1) ?? null].map((v) => v || null)).toEqual([
        null,
        null,
      ]);
      expect(await readWorkbookSettings(t.host)).toEqual({ thresholds: { coachingDays: 5 }, map: {} });
    });

    it("checks with the workbook's thresholds; a run's own settings still win", async () => {
      const t = create([{ name: "目标", values: TARGETS }]);
      const krCount = async (settings?: { minKeyResults: number }) =>
        (await validateWorkbook(t.host, { today: TODAY, settings })).findings.filter((f) => f.rule === "kr.count").length;
      expect(await krCount()).toBe(0);
      await saveWorkbookSettings(t.host, { thresholds: { minKeyResults: 3, maxKeyResults: 4 }, map: {} });
      await t.load?.();
      // Two KRs where the team asks for 3-4.
      expect(await krCount()).toBe(1);
      expect(await krCount({ minKeyResults: 2 })).toBe(0);
    });

    it("diagnoses with the column mapping remembered in the workbook", async () => {
      const t = create([{ name: "Export", values: [ODD_HEADERS, ...DEAL_SHEET.slice(1)] }]);
      await expect(diagnoseWorkbook(t.host, { locale: "en", write: false })).rejects.toThrow(/No deal sheet found/);
      const map = {
        date: "D",
        rep: "Who",
        customer: "Client",
        customerType: "Kind",
        amount: "Value",
        orderId: "Ref",
        status: "State",
      };
      await saveWorkbookSettings(t.host, { thresholds: {}, map });
      await t.load?.();
      const remembered = await diagnoseWorkbook(t.host, { locale: "en", write: false, today: TODAY });
      const direct = await diagnoseWorkbook(create([{ name: "成交明细", values: DEAL_SHEET }]).host, {
        locale: "en",
        write: false,
        today: TODAY,
      });
      expect(remembered.dealSheet).toBe("Export");
      expect(remembered.diagnosis.customers.total).toEqual(direct.diagnosis.customers.total);
    });

    it("lists the data sheet's headers and what each field is read from, under the remembered mapping", async () => {
      const t = create([{ name: "Export", values: [ODD_HEADERS, ...DEAL_SHEET.slice(1)] }]);
      const before = await readDataColumns(t.host);
      expect([before.dealSheet, before.headers, before.detected]).toEqual([
        "Export",
        ODD_HEADERS,
        // Detection knows "Client" and "Value" only, and finds no date: no deal sheet without a mapping.
        { customer: "Client", amount: "Value" },
      ]);
      await updateWorkbookSettings(t.host, { map: { date: "D", amount: "Value" } });
      await updateWorkbookSettings(t.host, { thresholds: { coachingWeeks: 3 } });
      await t.load?.();
      const after = await readDataColumns(t.host);
      expect(after.detected).toEqual({ date: "D", amount: "Value", customer: "Client" });
      // The second update kept the first's mapping.
      expect(after.settings).toEqual({ thresholds: { coachingWeeks: 3 }, map: { date: "D", amount: "Value" } });
    });

    it("keeps the status classes beside the mapping and analyses with them; a run's own class wins", async () => {
      // The deal sheet with its lost line written as a value no word classifies.
      const held = DEAL_SHEET.map((r, i) => (i > 0 && r[6] === "丢单" ? [...r.slice(0, 6), "Board Sign-off"] : r));
      const t = create([{ name: "成交明细", values: held }]);
      const revenue = async (statuses?: Record<string, "lost" | "booked">) =>
        (await fillCustomerAnalysis(t.host, { locale: "en", write: false, today: TODAY, statuses })).contribution.total.revenue;
      const all = held.slice(1).reduce((a, r) => a + Number(r[4]), 0);
      const heldAmount = held.slice(1).reduce((a, r) => a + (r[6] === "Board Sign-off" ? Number(r[4]) : 0), 0);
      // Unknown: counted as revenue, and listed as a guess.
      expect(await revenue()).toBe(all);
      expect((await readDataColumns(t.host)).statuses.find((x) => x.text === "Board Sign-off")).toEqual({
        text: "Board Sign-off",
        lines: 1,
        class: "unknown",
        assumed: true,
      });
      await updateWorkbookSettings(t.host, { statuses: { "Board Sign-off": "lost" } });
      await updateWorkbookSettings(t.host, { thresholds: { coachingWeeks: 3 } });
      await t.load?.();
      expect(await readWorkbookSettings(t.host)).toEqual({
        thresholds: { coachingWeeks: 3 },
        map: {},
        statuses: { "Board Sign-off": "lost" },
      });
      expect(await revenue()).toBe(all - heldAmount);
      expect((await readDataColumns(t.host)).statuses.find((x) => x.text === "Board Sign-off")?.class).toBe("lost");
      const diagnosis = await diagnoseWorkbook(t.host, { locale: "en", write: false, today: TODAY });
      expect(diagnosis.diagnosis.statuses.find((x) => x.text === "Board Sign-off")).toEqual({
        text: "Board Sign-off",
        lines: 1,
        class: "lost",
        assumed: false,
      });
      expect(await revenue({ "board sign-off": "booked" })).toBe(all);
    });

    it("ignores what is no setting: unknown keys, values out of range, a minimum above the maximum", () => {
      const grid = (values: CellValue[][]) => settingsFromSheets([{ name: SETTINGS_SHEET, row: 0, column: 0, values }]);
      expect(
        grid([
          ["key", "value"],
          ["completionTarget", "85%"],
          ["growthBand", "0.4"],
          ["coachingWeeks", "1.5"],
          ["minKeyResults", "4"],
          ["maxKeyResults", "2"],
          ["locale", "fr"],
          ["map.colour", "Red"],
          ["status.On Hold", "maybe"],
          ["status.", "maybe"],
          ["favourite", "1"],
        ]),
      ).toEqual({ thresholds: { growthBand: 0.4 }, map: {} });
    });
  });
}

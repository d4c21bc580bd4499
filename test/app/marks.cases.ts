import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { startLiveValidation } from "../../src/app/live-validation";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { Finding } from "../../src/core/validate/finding";
import type { HostFactory } from "./host-under-test";

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

/** Validate in place, clear marks and live validation, once for every host that marks. */
export function describeMarks(hostName: string, create: HostFactory): void {
  describe(`marks on cells on ${hostName}`, () => {
    it("marks each finding's cell, in three round trips", async () => {
      const t = create([{ name: "目标", values: TARGETS }]);
      const result = await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      expect(result.counts).toEqual({ error: 1, warning: 1, info: 0 });
      expect(result.marked).toBe(2);
      expect(t.roundTrips()).toBe(3);
      await t.load?.();
      expect(t.marks("目标")).toEqual(["C3 error", "D2 warning"]);
    });

    it("replaces its previous marks rather than piling them up, and clears them all", async () => {
      const t = create([{ name: "目标", values: TARGETS }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      await t.load?.();
      expect(t.marks("目标")).toEqual(["C3 error", "D2 warning"]);
      expect(await clearMarks(t.host)).toEqual({ removed: 2 });
      await t.load?.();
      expect(t.marks("目标")).toEqual([]);
      expect(t.value("目标", 1, 2)).toBe("甲");
    });
  });
}

/** Live validation, for hosts that report edits. */
export function describeLiveValidation(hostName: string, create: HostFactory): void {
  describe(`live validation on ${hostName}`, () => {
    it("revalidates the edited row and its group, and moves the marks", async () => {
      const t = create([{ name: "目标", values: TARGETS }]);
      await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
      let latest: readonly Finding[] = [];
      const live = await startLiveValidation(t.host, {
        today: TODAY,
        locale: "zh-CN",
        debounceMs: 10_000,
        onFindings: (f) => (latest = f),
      });
      expect(latest.map((f) => f.cell).sort()).toEqual(["C3", "D2"]);

      const before = t.roundTrips();
      await t.edit!("目标", 2, 2, [["乙"]]); // the owner is filled in
      await t.edit!("目标", 3, 3, [["30万"]]); // and the shares now add up
      await live.flush();
      // One read and one write for the burst of two edits.
      expect(t.roundTrips() - before).toBe(2);
      expect(latest).toEqual([]);
      expect(t.marks("目标")).toEqual([]);

      await t.edit!("目标", 1, 5, [["1.新客户开发8个"]]); // one KR only: a warning on F2, and a criteria mismatch
      await live.flush();
      expect(latest.map((f) => `${f.cell} ${f.rule}`)).toEqual(["F2 kr.count", "G2 criteria.count"]);
      expect(t.marks("目标")).toEqual(["F2 warning", "G2 warning"]);
      await live.stop();
    });
  });
}

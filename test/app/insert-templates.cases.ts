import { insertTemplates } from "../../src/app/insert-templates";
import { STRATEGY_METRIC_NAMES, STRATEGY_METRICS } from "../../src/core/parse/metric-names";
import { actionPlanTemplate, ACTION_STATUSES } from "../../src/core/templates/action-plan.template";
import { TEMPLATES } from "../../src/core/templates/templates";
import type { HostFactory } from "./host-under-test";

const ZH_NAMES = ["目标分解表", "客户分析表", "周计划跟踪表", "月度复盘表", "行动计划表"];

/** The insert-templates use case, once for every host. */
export function describeInsertTemplates(hostName: string, create: HostFactory): void {
  describe(`insert templates on ${hostName}`, () => {
    it("adds the five playbook sheets (the four templates and the action plan) with their headers, a table and a frozen header row", async () => {
      const t = create();
      const result = await insertTemplates(t.host, { locale: "zh-CN" });
      await t.load?.();

      expect(result.inserted.map((i) => i.sheet)).toEqual(ZH_NAMES);
      expect(t.sheetNames()).toEqual(ZH_NAMES);
      TEMPLATES.forEach((template, i) => {
        const headers = template.columns.map((_c, col) => t.value(ZH_NAMES[i], 0, col));
        expect(headers).toEqual(template.columns.map((c) => c.header["zh-CN"]));
        // A host without native tables (Univer's open-source build) says so and writes none.
        expect(t.tableNames(ZH_NAMES[i])).toEqual(t.host.capabilities.tables ? [template.tableName] : []);
        expect(t.frozenRows(ZH_NAMES[i])).toBe(1);
      });
    });

    it("reads once and writes once, whatever is inserted", async () => {
      const t = create();
      await insertTemplates(t.host, { locale: "en", withExamples: true });
      expect(t.roundTrips()).toBe(2);
    });

    it("never overwrites a sheet the user already has: the new one gets a suffix", async () => {
      const userValues = [
        ["我的数据", 1],
        ["保留", 2],
      ];
      const t = create([{ name: "目标分解表", values: userValues }]);
      const result = await insertTemplates(t.host, { locale: "zh-CN", templates: ["targets"] });
      await t.load?.();

      expect(result.inserted).toEqual([{ template: "targets", sheet: "目标分解表 (2)", renamed: true }]);
      expect(t.sheetNames()).toEqual(["目标分解表", "目标分解表 (2)"]);
      expect([0, 1].map((r) => [0, 1].map((c) => t.value("目标分解表", r, c)))).toEqual(userValues);
      expect(t.value("目标分解表 (2)", 0, 0)).toBe("团队总目标");
    });

    it("lets a metric outside the drop-down be typed (a warning), while the status list still refuses others", async () => {
      const t = create();
      await insertTemplates(t.host, { locale: "zh-CN", templates: ["actions"] });
      await t.load?.();
      if (!t.validation || !t.host.capabilities.nativeValidation) return;
      const column = (key: string) => actionPlanTemplate.columns.findIndex((c) => c.key === key);
      expect(t.validation("行动计划表", 1, column("metric"))).toEqual({
        kind: "list",
        values: STRATEGY_METRICS.map((m) => STRATEGY_METRIC_NAMES[m]["zh-CN"]),
        allowOther: true,
      });
      expect(t.validation("行动计划表", 5, column("status"))).toEqual({
        kind: "list",
        values: Object.values(ACTION_STATUSES).map((s) => s["zh-CN"]),
      });
    });

    it("writes the example rows in English with live formulas in the computed columns", async () => {
      const t = create();
      await insertTemplates(t.host, { locale: "en", withExamples: true, templates: ["weekly"] });
      await t.load?.();
      const sheet = "Weekly Plan Tracking";
      // Row 2: *某, New customers, target 3, days 1 1 0 1 2.
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => t.value(sheet, 1, c))).toEqual(["*某", "New customers", 3, 1, 1, 0, 1, 2]);
      expect(t.formula(sheet, 1, 9)).toBe('=IF(COUNT(E2,F2,G2,H2,I2)=0,"",SUM(E2,F2,G2,H2,I2))');
      expect(t.formula(sheet, 2, 10)).toBe('=IF(AND(N(D3)>0,COUNT(E3,F3,G3,H3,I3)>0),SUM(E3,F3,G3,H3,I3)/D3,"")');
      expect(t.value(sheet, 2, 11)).toBe("Customers did not answer on Wednesday, target missed");
    });
  });
}

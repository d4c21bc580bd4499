import { updateWorkbookSettings } from "../../src/app/workbook-settings";
import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { acceptTargetSplit, proposeTargetSplit } from "../../src/app/target-split";
import { trackProgress } from "../../src/app/track-progress";
import { UseCaseError } from "../../src/app/use-case-error";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { HostFactory } from "./host-under-test";

/** Deal lines as a CRM would export them: 3 types, one order on two lines, a lost deal. */
export const DEAL_SHEET: CellValue[][] = [
  ["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "订单号", "状态"],
  ["2026-10-03", "张三", "甲公司", "行业TOP100", 60000, "o1", "赢单"],
  ["2026-10-03", "张三", "甲公司", "行业TOP100", 40000, "o1", "赢单"],
  ["2026-10-12", "李四", "=乙公司", "中小企业", 30000, "o2", "赢单"],
  ["2026-11-05", "李四", "=丙公司", "中小企业", 20000, "o3", "丢单"],
  ["2026-11-09", "王五", "丁先生", "个人客户", 10000, "o4", "赢单"],
  ["2026-11-20", "张三", "甲公司", "行业TOP100", 120000, "o5", "赢单"],
];

/** The analysis use cases, once for every host. */
export function describeAnalysis(hostName: string, create: HostFactory): void {
  describe(`customer analysis and diagnosis on ${hostName}`, () => {
    it("creates the customer analysis sheet from the deal sheet", async () => {
      const t = create([{ name: "成交明细", values: DEAL_SHEET }]);
      const result = await fillCustomerAnalysis(t.host, { locale: "zh-CN" });
      await t.load?.();
      expect([result.dealSheet, result.sheet, result.created]).toEqual(["成交明细", "客户分析表", true]);
      // customerType, customers, orders, revenue ... closeRate (column G)
      const row = (r: number) => [0, 1, 2, 3, 6].map((c) => t.value("客户分析表", r, c));
      expect([row(1), row(2), row(3)]).toEqual([
        ["行业TOP100", 1, 2, 220000, 1],
        ["中小企业", 1, 1, 30000, 0.5],
        ["个人客户", 1, 1, 10000, 1],
      ]);
      expect(t.formula("客户分析表", 1, 4)).toBe('=IF(OR(ISBLANK(D2),SUM($D:$D)=0),"",D2/SUM($D:$D))');
      expect(t.roundTrips()).toBe(3);
    });

    it("updates an existing customer sheet in place and keeps the user's pain points and strategies", async () => {
      const t = create([
        { name: "成交明细", values: DEAL_SHEET },
        {
          name: "客户",
          values: [
            [
              "客户类型",
              "客户数量",
              "订单数",
              "销售额",
              "贡献占比(%)",
              "平均客单价",
              "成交率(%)",
              "主要需求痛点",
              "开发/维护策略",
            ],
            ["中小企业", 50, 100, 1, null, null, 0.15, "价格敏感", "=标准化产品"],
          ],
        },
      ]);
      const result = await fillCustomerAnalysis(t.host, { locale: "zh-CN" });
      await t.load?.();
      expect([result.sheet, result.created]).toEqual(["客户", false]);
      expect([0, 1, 2, 3, 6, 7, 8].map((c) => t.value("客户", 1, c))).toEqual([
        "中小企业",
        1,
        1,
        30000,
        0.5,
        "价格敏感",
        "=标准化产品",
      ]);
      expect([0, 1, 2, 3].map((c) => t.value("客户", 2, c))).toEqual(["行业TOP100", 1, 2, 220000]);
      expect([0, 3].map((c) => t.value("客户", 3, c))).toEqual(["个人客户", 10000]);
      // The sheet had no 数据期间 column: it follows the last header cell, on the rows written.
      expect(t.value("客户", 0, 9)).toBe("数据期间");
      expect([1, 2, 3].map((r) => t.value("客户", r, 9))).toEqual(Array(3).fill("2026-10至2026-11"));
    });

    it("stamps each customer row with the months covered and the day, and the check flags it once that quarter is over", async () => {
      const t = create([{ name: "成交明细", values: DEAL_SHEET }]);
      await fillCustomerAnalysis(t.host, { locale: "zh-CN", today: toExcelSerial(2026, 11, 26) });
      await t.load?.();
      expect([1, 2, 3].map((r) => t.value("客户分析表", r, 9))).toEqual(Array(3).fill("2026-10至2026-11（2026-11-26填写）"));
      // October and November are in Q4 2026: due on the first day of 2027, not before.
      const lastDay = await validateWorkbook(t.host, { today: toExcelSerial(2026, 12, 31) });
      expect(lastDay.findings.filter((f) => f.rule === "customers.period.stale")).toEqual([]);
      const nextYear = await validateWorkbook(t.host, { today: toExcelSerial(2027, 1, 1) });
      const stale = nextYear.findings.filter((f) => f.rule === "customers.period.stale");
      expect(stale.map((f) => [f.sheet, f.cell, f.severity, f.message.en])).toEqual([
        [
          "客户分析表",
          "J2",
          "warning",
          "The customer analysis covers up to 2026-11, and Q4 2026 is over: the playbook asks for a quarterly update.",
        ],
      ]);
    });

    it("writes the diagnosis report as a new sheet, user text kept literal", async () => {
      const t = create([
        { name: "成交明细", values: DEAL_SHEET },
        { name: "诊断报告", values: [["上次的报告"]] },
      ]);
      const result = await diagnoseWorkbook(t.host, { locale: "zh-CN" });
      await t.load?.();
      expect(result.reportSheet).toBe("诊断报告 (2)");
      expect(t.value("诊断报告", 0, 0)).toBe("上次的报告");
      expect(t.value("诊断报告 (2)", 0, 0)).toBe("诊断报告 2026-11");
      // The TOP 3 first (under the title and what it compares: revenue did not change, so no headline), then the
      // evidence, what was read, and the churned list last.
      const firstColumn = Array.from({ length: 150 }, (_v, r) => String(t.value("诊断报告 (2)", r, 0) ?? ""));
      const sections = [
        /^一、TOP3问题与策略/,
        /^二、纵向对比/,
        /^销售额变化分解/,
        /^三、横向对比/,
        /^四、客户维度/,
        /^五、数据读取与质量/,
        /^六、上月成交、本月未成交的客户（1个/,
      ].map((heading) => firstColumn.findIndex((v) => heading.test(v)));
      expect(sections[0]).toBeLessThan(5);
      expect(sections).toEqual([...sections].sort((a, b) => a - b));
      expect(result.diagnosis.customers.total).toEqual({ customers: 3, orders: 4, revenue: 260000 });
      // =乙公司 bought in October and not in November: listed on its own row, as text, never run as a formula.
      const churnedRow = firstColumn.indexOf("=乙公司");
      expect(churnedRow).toBe(sections[sections.length - 1] + 1);
      expect(t.formula("诊断报告 (2)", churnedRow, 0)).toBeNull();
      expect(t.roundTrips()).toBe(3);
    });

    it("tells each step before it starts: reading before any read, writing before the one write", async () => {
      const t = create([{ name: "成交明细", values: DEAL_SHEET }]);
      const seen: string[] = [];
      // Asked of the host itself, and awaited by the use case before the step starts.
      const steps = async (p: { step: string; index: number; total: number }) => {
        seen.push(`${p.index}/${p.total} ${p.step}: ${(await t.host.readOutline()).sheets.join(",")}`);
      };
      await diagnoseWorkbook(t.host, { locale: "zh-CN", onStep: steps });
      await fillCustomerAnalysis(t.host, { locale: "zh-CN", onStep: steps });
      await fillCustomerAnalysis(t.host, { locale: "zh-CN", write: false, onStep: steps });
      expect(seen).toEqual([
        "1/3 reading: 成交明细",
        "2/3 computing: 成交明细",
        "3/3 writing: 成交明细",
        "1/3 reading: 成交明细,诊断报告",
        "2/3 computing: 成交明细,诊断报告",
        "3/3 writing: 成交明细,诊断报告",
        "1/2 reading: 成交明细,诊断报告,客户分析表",
        "2/2 computing: 成交明细,诊断报告,客户分析表",
      ]);
    });

    it("says clearly when there is no deal sheet", async () => {
      const t = create([{ name: "笔记", values: [["随手记"]] }]);
      await expect(diagnoseWorkbook(t.host, { locale: "zh-CN" })).rejects.toThrow(UseCaseError);
      await expect(fillCustomerAnalysis(t.host, { locale: "en", dealSheet: "Deals" })).rejects.toThrow(
        'There is no sheet named "Deals": check the name, or leave it out to find the deal sheet automatically.',
      );
    });
  });
}

/** The history-based target split, proposed and accepted into the target sheet, once for every host. */
export function describeTargetSplit(hostName: string, create: HostFactory): void {
  describe(`target split on ${hostName}`, () => {
    const deals: CellValue[][] = [["成交日期", "负责人", "客户名称", "成交金额"]];
    for (const month of [9, 10, 11])
      deals.push([`2026-${month}-05`, "张三", "甲", 600000], [`2026-${month}-06`, "李四", "乙", 400000]);

    // Today is in December 2026: a monthly team target splits December, whose last day is each row's deadline.
    const today = toExcelSerial(2026, 12, 2);
    const KR_TODO = "（待填写：本人的2-3个可衡量的关键结果）";
    const CRITERIA_TODO = "（待填写：每个关键结果一条完成标准，写明比较符和数值）";

    it("proposes shares from each rep's last three months and writes complete rows into a new target sheet", async () => {
      const t = create([{ name: "成交", values: deals }]);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
      // 60万 and 40万 a month, flat: 120万 splits 72万 / 48万 (+20% each), not 60万 / 60万.
      expect(proposal.reps.map((r) => [r.rep, r.target, r.growth && +r.growth.toFixed(2)])).toEqual([
        ["张三", 720000, 0.2],
        ["李四", 480000, 0.2],
      ]);
      const accepted = await acceptTargetSplit(t.host, { proposal, locale: "zh-CN", today });
      expect(accepted).toEqual({
        sheet: "目标分解表",
        rows: 2,
        period: { from: "2026-12-01", to: "2026-12-31" },
        skipped: [],
      });
      await t.load?.();
      // The playbook's own style in a new zh-CN sheet: 72万; the deadline a date cell; the KRs left to the rep.
      const row = (r: number) => [0, 1, 2, 3, 4, 5, 6].map((c) => t.value("目标分解表", r, c));
      const december31 = toExcelSerial(2026, 12, 31);
      expect(row(1)).toEqual(["月度120万", "销售额", "张三", "72万", december31, KR_TODO, CRITERIA_TODO]);
      expect(row(2)).toEqual(["月度120万", "销售额", "李四", "48万", december31, KR_TODO, CRITERIA_TODO]);
      if (t.numberFormat) expect(t.numberFormat("目标分解表", 1, 4)).toBe("yyyy-mm-dd");
      // The check asks for the KRs and criteria, never reads the placeholders as KRs, and finds the rest complete.
      const checked = await validateWorkbook(t.host, { today });
      const onRows = checked.findings.filter((f) => f.sheet === "目标分解表").map((f) => `${f.rule} ${f.cell}`);
      expect(onRows.sort()).toEqual([
        "criteria.placeholder G2",
        "criteria.placeholder G3",
        "kr.placeholder F2",
        "kr.placeholder F3",
      ]);
      // Progress measures each row's own target over December and reads no KR out of the placeholders.
      const progress = await trackProgress(t.host, { locale: "zh-CN", today, write: false });
      expect(progress.rows.map((r) => [r.owner, r.period.from, r.period.to, r.target.target, r.keyResults.length])).toEqual([
        ["张三", "2026-12-01", "2026-12-31", 720000, 0],
        ["李四", "2026-12-01", "2026-12-31", 480000, 0],
      ]);
    });

    it("writes amounts as numbers in an English sheet, with a thousands format", async () => {
      const t = create([{ name: "成交", values: deals }]);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "Monthly 1,200,000" });
      await acceptTargetSplit(t.host, { proposal, locale: "en", today });
      await t.load?.();
      const sheet = "Target Decomposition";
      expect([2, 3, 5].map((c) => t.value(sheet, 1, c))).toEqual([
        "张三",
        720000,
        "(to fill in: this rep's 2-3 measurable key results)",
      ]);
      if (t.numberFormat) expect(t.numberFormat(sheet, 1, 3)).toBe("#,##0");
    });

    it("appends to the user's own target sheet in its style: columns in their order, their own column left alone", async () => {
      const mine: CellValue[][] = [
        ["负责人", "团队总目标", "备注", "目标项", "个人目标", "时间节点"],
        ["王五", "月度120万", "老客户为主", "销售额", 300000, "11月30日"],
      ];
      const t = create([
        { name: "成交", values: deals },
        { name: "我的目标", values: mine },
      ]);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
      expect(await acceptTargetSplit(t.host, { proposal, locale: "zh-CN", today })).toMatchObject({
        sheet: "我的目标",
        rows: 2,
      });
      await t.load?.();
      const row = (r: number) => [0, 1, 2, 3, 4, 5].map((c) => t.value("我的目标", r, c) ?? null); // an empty cell
      // Numbers where the user wrote numbers; "12月31日" as the user writes dates; no KR column, none written.
      expect(row(1)).toEqual(["王五", "月度120万", "老客户为主", "销售额", 300000, "11月30日"]);
      expect(row(2)).toEqual(["张三", "月度120万", null, "销售额", 720000, "12月31日"]);
      expect(row(3)).toEqual(["李四", "月度120万", null, "销售额", 480000, "12月31日"]);
    });

    it("follows a sheet that writes 万, and adds no second row for a rep who already has the period's target", async () => {
      const mine: CellValue[][] = [
        ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
        ["月度120万", "销售额", "张三", "70万", "31日", "1.新客户开发8个", "1.实际开发≥8个"],
        ["月度120万", "新客户数", "李四", "10个", "31日", "1.拜访40次", "1.实际拜访≥40次"],
      ];
      const t = create([
        { name: "成交", values: deals },
        { name: "目标分解表", values: mine },
      ]);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
      const accepted = await acceptTargetSplit(t.host, { proposal, locale: "zh-CN", today });
      // 张三 already has December's revenue target; 李四's row is of another item, so 李四 gets one.
      expect([accepted.rows, accepted.skipped, accepted.skippedNote]).toEqual([
        1,
        ["张三"],
        {
          "zh-CN": "张三在本期已有这项目标，未重复添加，已有的行保持不变。",
          en: "张三 already has this target for the period: not added again, and that row is left as written.",
        },
      ]);
      await t.load?.();
      const row = (r: number) => [0, 1, 2, 3, 4, 5, 6].map((c) => t.value("目标分解表", r, c) ?? null);
      expect([row(1), row(2)]).toEqual(mine.slice(1));
      expect(row(3)).toEqual(["月度120万", "销售额", "李四", "48万", "31日", KR_TODO, CRITERIA_TODO]);
      expect(row(4)).toEqual([null, null, null, null, null, null, null]);
    });

    it("reads the deals under the status classes remembered in the workbook, as every analysis does", async () => {
      const withStatus: CellValue[][] = [["成交日期", "负责人", "客户名称", "成交金额", "状态"]];
      for (const month of [9, 10, 11])
        withStatus.push(
          [`2026-${month}-05`, "张三", "甲", 600000, "赢单"],
          [`2026-${month}-06`, "李四", "乙", 400000, "赢单"],
          [`2026-${month}-07`, "李四", "丙", 400000, "待核"],
        );
      const t = create([{ name: "成交", values: withStatus }]);
      const averages = async () =>
        (await proposeTargetSplit(t.host, { teamTarget: "月度120万" })).reps.map((r) => [r.rep, r.recentAverage]);
      // "待核" says no outcome: its lines count as revenue until the team says what it means.
      expect(await averages()).toEqual([
        ["张三", 600000],
        ["李四", 800000],
      ]);
      await updateWorkbookSettings(t.host, { statuses: { 待核: "lost" } });
      expect(await averages()).toEqual([
        ["张三", 600000],
        ["李四", 400000],
      ]);
    });

    it("weighs each rep's close rate against the team's (ability), capped at ±10%", async () => {
      // Same revenue each month; 张三 wins 1 of 2 deals, 李四 1 of 4: close rates 50% and 25% against the team's 1/3.
      const withStatus: CellValue[][] = [["成交日期", "负责人", "客户名称", "客户类型", "成交金额", "状态"]];
      for (const month of [9, 10, 11]) {
        withStatus.push([`2026-${month}-05`, "张三", `甲${month}`, "行业", 500000, "赢单"]);
        withStatus.push([`2026-${month}-06`, "张三", `丙${month}`, "行业", 100000, "丢单"]);
        withStatus.push([`2026-${month}-05`, "李四", `乙${month}`, "行业", 500000, "赢单"]);
        for (const d of [7, 8, 9]) withStatus.push([`2026-${month}-0${d}`, "李四", `丁${month}${d}`, "行业", 100000, "丢单"]);
      }
      const t = create([{ name: "成交", values: withStatus }]);
      const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
      const team = 6 / 18;
      const ability = [Math.min(0.1, 0.5 - team), Math.max(-0.1, 0.25 - team)].map((a) => 1 + a);
      expect(proposal.reps.map((r) => [r.rep, r.ability, r.mix])).toEqual([
        ["张三", ability[0], 1],
        ["李四", ability[1], 1],
      ]);
      // Equal histories: the shares follow the ability factors alone, rounded to thousands, the total exact.
      const raw = ability.map((a) => (1_200_000 * a) / (ability[0] + ability[1]));
      proposal.reps.forEach((r, i) => expect(Math.abs(r.target - raw[i])).toBeLessThanOrEqual(1000));
      expect(proposal.reps[0].target + proposal.reps[1].target).toBe(1_200_000);
    });

    it("says what is wrong with a team target without an amount", async () => {
      const t = create([{ name: "成交", values: deals }]);
      await expect(proposeTargetSplit(t.host, { teamTarget: "冲刺" })).rejects.toThrow('The team target "冲刺" has no amount');
    });
  });
}

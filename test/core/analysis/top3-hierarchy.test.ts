import { diagnose, type Diagnosis } from "../../../src/core/analysis/diagnosis/diagnose";
import { fromExcelSerial } from "../../../src/core/cell/excel-date";
import { formatAmount } from "../../../src/core/i18n/format";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { BIG, generateTeam, REPS, SMALL, type PlantedCause } from "../../support/team-generator";
import { gridOf } from "../../support/grid";

/**
 * The TOP 3 on generated teams, each assertion against what the generator planted (and figures
 * recomputed here from the generated rows), never against figures taken from the code's output.
 */
function run(cause: PlantedCause, seed = 7): { d: Diagnosis; deals: CellValue[][] } {
  const team = generateTeam(cause, seed);
  return { d: diagnose({ deals: gridOf(team.deals, "deals"), activity: gridOf(team.activity, "activity") }), deals: team.deals };
}

/** Month (yyyy-mm) of a generated row, and the generated months in order. */
const monthOf = (row: readonly CellValue[]) => {
  const d = fromExcelSerial(row[0] as number)!;
  return `${d.year}-${String(d.month).padStart(2, "0")}`;
};
function months(deals: CellValue[][]): string[] {
  return [...new Set(deals.slice(1).map(monthOf))].sort();
}
/** Revenue by month of the rows that pass `keep`. */
function revenue(deals: CellValue[][], month: string, keep: (row: readonly CellValue[]) => boolean = () => true): number {
  return deals.slice(1).reduce((s, r) => s + (monthOf(r) === month && keep(r) ? (r[4] as number) : 0), 0);
}
const SEEDS = [7, 11, 23];

describe("a team-wide driver comes before any rep's residual", () => {
  it.each(["teamActivity", "teamActivityWorse"] as const)(
    "%s: the team-wide fall of visits ranks first and names every rep",
    (cause) => {
      for (const seed of SEEDS) {
        const { d } = run(cause, seed);
        const first = d.issues[0];
        expect(first.code).toBe("fallingActivity");
        expect([...first.affects].sort()).toEqual([...REPS].sort());
        expect(first.evidence["zh-CN"]).toContain(`全部${REPS.length}名成员`);
        expect(d.issues.filter((p) => p.code === "repDrop")).toEqual([]);
      }
    },
  );

  it("a rep who also collapsed: the team-wide fall still ranks first with every rep; the rep's item claims only the rest", () => {
    for (const seed of SEEDS) {
      const { d } = run("teamActivityCollapse", seed);
      expect(d.issues[0].code).toBe("fallingActivity");
      expect([...d.issues[0].affects].sort()).toEqual([...REPS].sort());
      const rep = d.issues.find((p) => p.code === "repDrop");
      expect(rep?.affects).toEqual(["赵六"]);
      const zhao = d.drivers!.reps.find((r) => r.rep === "赵六")!;
      // The rep's item and the team item's part of 赵六 together never exceed 赵六's own fall.
      expect(rep!.atStake).toBeLessThan(zhao.from - zhao.to);
    }
  });

  it("the headline names the same cause as item 1, and no share exceeds 100%", () => {
    for (const cause of ["teamActivity", "teamActivityCollapse", "orderValue", "laggard", "mixShift"] as const) {
      const { d } = run(cause);
      expect(d.longitudinal!.statements[0]["zh-CN"]).toContain(d.issues[0].summary["zh-CN"]);
      expect(d.longitudinal!.statements[0].en).toContain(d.issues[0].summary.en);
      for (const p of d.issues) expect(p.share).toBeLessThanOrEqual(1);
      for (const text of d.longitudinal!.statements)
        for (const share of text["zh-CN"].matchAll(/占[^，。；（）]*?(\d+(?:\.\d+)?)%/g))
          expect(Number(share[1])).toBeLessThanOrEqual(100);
    }
  });
});

describe("a month with no real problem", () => {
  it("gets no high-priority item", () => {
    for (const seed of [7, 11, 23, 31]) {
      const { d } = run("none", seed);
      expect(d.issues.filter((p) => p.priority === "high")).toEqual([]);
    }
  });

  it("a team whose order values swing by up to 30% a month: a month 15% under is within its spread, nothing high", () => {
    let named = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { d } = run("volatile", seed);
      named += d.issues.length;
      expect(d.issues.filter((p) => p.priority === "high")).toEqual([]);
    }
    expect(named).toBeGreaterThan(0); // problems are named, only not as high priority
  });
});

describe("seasonal only with evidence", () => {
  it("the same dip through the same driver a year earlier is seasonal", () => {
    for (const seed of SEEDS) {
      const { d } = run("seasonal", seed);
      expect(d.issues[0].code).toBe("seasonalDip");
      expect(d.issues[0].evidence["zh-CN"]).toContain("相同的因素");
    }
  });

  it("an order-value drop in a month whose year-ago month fell through other drivers is order value, with the year-ago dip as context", () => {
    for (const seed of SEEDS) {
      const { d, deals } = run("orderValueYearAgo", seed);
      const m = months(deals);
      const [yearBefore, yearAgo] = [m[m.length - 14], m[m.length - 13]];
      expect(revenue(deals, yearAgo)).toBeLessThan(0.9 * revenue(deals, yearBefore)); // the premise: a year ago fell too
      expect(d.issues.map((p) => p.code)).not.toContain("seasonalDip");
      expect(d.issues[0].code).toBe("orderValueDrop");
      expect(d.issues[0].evidence["zh-CN"]).toContain("去年同期也下降");
      expect(d.issues[0].evidence.en).toContain("not taken as seasonal");
    }
  });
});

describe("seasonal across years", () => {
  const diagnosed = (months: number, seed: number) => {
    const team = generateTeam("seasonalYears", seed, [2026, 10], months);
    return {
      d: diagnose({ deals: gridOf(team.deals, "deals"), activity: gridOf(team.activity, "activity") }),
      deals: team.deals,
    };
  };

  it("the same month dipped in each of two earlier years: seasonal, though through other drivers", () => {
    for (const seed of SEEDS) {
      const { d, deals } = diagnosed(27, seed);
      const m = months(deals);
      for (const back of [12, 24]) {
        const [before, dip] = [m[m.length - 2 - back], m[m.length - 1 - back]];
        expect(revenue(deals, dip)).toBeLessThan(0.95 * revenue(deals, before)); // the premise: both years dipped
      }
      expect(d.issues[0].code).toBe("seasonalDip");
      expect(d.issues[0].evidence["zh-CN"]).toContain("此前一年同期也同样下降");
    }
  });

  it("with only the one earlier year in the data, the same team's month is an order-value drop", () => {
    for (const seed of SEEDS) {
      const { d } = diagnosed(15, seed);
      expect(d.issues[0].code).toBe("orderValueDrop");
      expect(d.issues.map((p) => p.code)).not.toContain("seasonalDip");
    }
  });
});

describe("mix is not price", () => {
  it("growth hiding a collapsed customer type names the type with its loss, as a share of the losses growth hid", () => {
    for (const seed of [7, 11, 31]) {
      const { d, deals } = run("hiddenCollapse", seed);
      const m = months(deals);
      const last = m[m.length - 1];
      const before = m.slice(-4, -1);
      expect(revenue(deals, last)).toBeGreaterThan(revenue(deals, m[m.length - 2])); // the premise: revenue grew
      const big = (r: readonly CellValue[]) => r[3] === BIG;
      const usual = before.reduce((s, x) => s + revenue(deals, x, big), 0) / 3;
      const loss = usual - revenue(deals, last, big);
      const item = d.issues.find((p) => p.code === "customerTypeShift")!;
      expect(item).toBeDefined();
      expect(item.summary["zh-CN"]).toContain(`${BIG}减少${formatAmount(loss)["zh-CN"]}`);
      expect(item.summary.en).toContain(`${BIG} down ${formatAmount(loss).en}`);
      expect(item.shareOf).toBe("hiddenLosses");
      expect(item.baseline).toEqual({ value: usual, months: 3, kind: "money" });
      expect(d.longitudinal!.statements[0]["zh-CN"]).toContain("增长掩盖了");
    }
  });

  it("a mix shift with unchanged prices is the mix, not an order-value drop", () => {
    for (const seed of SEEDS) {
      const { d, deals } = run("mixShift", seed);
      const m = months(deals);
      const last = m[m.length - 1];
      // The premise: the order value fell overall, while each type kept its usual order value.
      const aov = (month: string, keep: (r: readonly CellValue[]) => boolean = () => true) => {
        const rows = deals.slice(1).filter((r) => monthOf(r) === month && keep(r));
        return rows.reduce((s, r) => s + (r[4] as number), 0) / rows.length;
      };
      const prior = m.slice(-4, -1);
      const usualAov = (keep?: (r: readonly CellValue[]) => boolean) => prior.reduce((s, x) => s + aov(x, keep), 0) / 3;
      expect(aov(last)).toBeLessThan(0.9 * usualAov());
      for (const type of [BIG, SMALL]) {
        const keep = (r: readonly CellValue[]) => r[3] === type;
        expect(Math.abs(aov(last, keep) / usualAov(keep) - 1)).toBeLessThan(0.1);
      }
      expect(d.issues.map((p) => p.code)).not.toContain("orderValueDrop");
      expect(d.issues[0].code).toBe("customerTypeShift");
      expect(d.issues[0].summary["zh-CN"]).toContain(`${BIG}减少`);
      expect(d.issues[0].summary["zh-CN"]).toContain(`${SMALL}增加`);
    }
  });
});

describe("the lead activity is the one that explains new customers", () => {
  it("calls halved while visits and new customers held: not a cause, and no 'new customers followed'", () => {
    for (const seed of SEEDS) {
      const { d } = run("callsDrop", seed);
      expect(d.drivers!.activityField).not.toBe("calls");
      expect(d.issues.map((p) => p.code)).not.toContain("fallingActivity");
      for (const p of d.issues) expect(p.evidence["zh-CN"]).not.toContain("新客户随之减少");
      expect(d.longitudinal!.statements[0]["zh-CN"]).not.toContain("电话");
    }
  });

  it("visits fell with new customers while calls held: visits lead", () => {
    const { d } = run("teamActivity");
    expect(d.drivers!.activityField).toBe("visits");
  });
});

describe("one baseline per item, amounts rounded for reading", () => {
  it("a collapsed rep is measured against the average of the 3 months before, stated once", () => {
    const { d, deals } = run("laggard");
    const m = months(deals);
    const item = d.issues.find((p) => p.code === "repDrop")!;
    const usual = m.slice(-4, -1).reduce((s, x) => s + revenue(deals, x, (r) => r[1] === "钱七"), 0) / 3;
    expect(item.baseline).toEqual({ value: usual, months: 3, kind: "money" });
    expect(item.evidence["zh-CN"]).toContain(`前3个月平均${formatAmount(usual)["zh-CN"]}`);
    expect(item.evidence.en).toContain(`against the previous 3 months' average of ${formatAmount(usual).en}`);
    expect(item.evidence["zh-CN"]).not.toContain("上月");
    expect(item.summary.en).not.toContain("a month before");
  });

  it("no sentence carries cents on an amount over 1,000", () => {
    for (const cause of ["laggard", "orderValue", "hiddenCollapse", "teamActivityCollapse"] as const) {
      const { d } = run(cause);
      const texts = [...d.issues.flatMap((p) => [p.summary, p.evidence]), ...d.longitudinal!.statements];
      for (const t of texts) for (const text of [t["zh-CN"], t.en]) expect(text).not.toMatch(/\d,\d{3}\.\d/);
    }
  });
});

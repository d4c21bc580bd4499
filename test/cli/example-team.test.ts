import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CliIo } from "../../src/cli/cli-io";
import { main } from "../../src/cli/main";
import { fromExcelSerial, mondayOf, toExcelSerial } from "../../src/core/cell/excel-date";
import type { Locale } from "../../src/core/i18n/locale";
import { exampleTeam } from "../../src/core/templates/example-team-sheets";
import { findQuantities } from "../../src/core/parse/quantity";
import { openWorkbookFile } from "../../src/hosts/xlsx/xlsx-file";

/**
 * `init --example --data` writes the example team dated from the day it runs: the workbook checks clean,
 * and the diagnosis names the planted cause (every rep's proposals fell in the last whole month) first.
 * Every figure compared is counted here from the generated rows.
 */
const dir = mkdtempSync(path.join(tmpdir(), "example-team-"));

async function run(args: string[], day: Date): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, isTTY: false, now: () => day };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const monthKey = (serial: number) => {
  const d = fromExcelSerial(serial)!;
  return d.year * 12 + d.month - 1;
};

const DAYS: [string, Locale][] = [
  ["2026-11-26", "zh-CN"],
  ["2026-12-06", "en"],
  ["2027-03-01", "en"],
  ["2027-06-15", "zh-CN"],
];

describe.each(DAYS)("the example team written on %s (%s)", (iso, locale) => {
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(y, m - 1, d);
  const today = toExcelSerial(y, m, d);
  const team = exampleTeam(locale, today);
  const { deals, activity, reps } = team.data;
  const file = path.join(dir, `team-${iso}-${locale}.xlsx`);
  const lastMonth = y * 12 + m - 2;
  const won = locale === "en" ? "Won" : "赢单";

  beforeAll(async () => {
    expect((await run(["init", file, "--example", "--data", "--lang", locale], day)).code).toBe(0);
  });

  it("writes the generated rows into its data sheets", async () => {
    const host = await openWorkbookFile(file);
    const [dealSheet, activitySheet] = await host.readSheets(
      locale === "en" ? ["Deals", "Activity"] : ["成交明细", "销售过程数据"],
    );
    const filled = (rows: readonly unknown[][]) => rows.slice(1).filter((r) => r.some((v) => v !== null && v !== "")).length;
    expect(filled(dealSheet.values)).toBe(deals.length);
    expect(filled(activitySheet.values)).toBe(activity.length);
  });

  it("checks clean: no error and no warning", async () => {
    const result = await run(["validate", file, "--json"], day);
    const json = JSON.parse(result.stdout);
    expect(json.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
    expect([json.counts.error, json.counts.warning]).toEqual([0, 0]);
  });

  it("tells the story: sixteen whole months ending last month, lost deals, returning customers every 2-4 months", () => {
    const months = [...new Set(deals.map((l) => monthKey(l.date as number)))].sort((a, b) => a - b);
    expect(months).toEqual(Array.from({ length: 16 }, (_v, i) => lastMonth - 15 + i));
    // Every rep loses deals: close rates between a half and nine in ten.
    for (const rep of reps) {
      const lines = deals.filter((l) => l.rep === rep);
      const rate = lines.filter((l) => l.status === won).length / lines.length;
      expect(rate).toBeGreaterThan(0.4);
      expect(rate).toBeLessThan(0.9);
    }
    // A customer who buys again does so 2, 3 or 4 months after the last purchase.
    const bought = new Map<string, number[]>();
    for (const l of deals.filter((x) => x.status === won)) {
      const list = bought.get(l.customer as string) ?? [];
      list.push(monthKey(l.date as number));
      bought.set(l.customer as string, list);
    }
    const gaps = [...bought.values()].flatMap((list) =>
      list
        .sort((a, b) => a - b)
        .slice(1)
        .map((mk, i) => mk - list[i]),
    );
    expect(gaps.length).toBeGreaterThan(100);
    expect(new Set(gaps)).toEqual(new Set([2, 3, 4]));
    // The weekly tracker holds the two whole weeks before today's, for every rep.
    const weeks = new Set(team.rows.weekly.map((r) => r.week));
    expect(weeks).toEqual(new Set([mondayOf(today) - 14, mondayOf(today) - 7]));
    expect(new Set(team.rows.weekly.map((r) => r.owner))).toEqual(new Set(reps));
  });

  it("sets targets for last month and this month within reach of each rep's recent revenue", () => {
    const revenue = (rep: string, months: number[]) =>
      deals
        .filter((l) => l.rep === rep && l.status === won && months.includes(monthKey(l.date as number)))
        .reduce((s, l) => s + (l.amount as number), 0);
    const recent = [lastMonth - 2, lastMonth - 1, lastMonth];
    expect(team.rows.targets).toHaveLength(2 * reps.length);
    for (const row of team.rows.targets) {
      const amount = findQuantities(row.repTarget)[0].value;
      // The target checks' growth band (30%) over the last three months of data.
      expect(amount / (revenue(row.owner as string, recent) / 3)).toBeLessThan(1.3);
    }
  });

  it("names the planted cause first: proposals fell for every rep in the month diagnosed", async () => {
    const json = JSON.parse((await run(["diagnose", file, "--json", "--lang", locale], day)).stdout);
    expect(json.period).toBe(`${Math.floor(lastMonth / 12)}-${String((lastMonth % 12) + 1).padStart(2, "0")}`);
    // The planted fall, from the rows: each rep's weekly proposals against the three months before.
    const proposals = (rep: string, months: number[]) => {
      const weeks = activity.filter((a) => a.rep === rep && months.includes(monthKey(a.date as number)));
      return weeks.reduce((s, a) => s + (a.proposals as number), 0) / weeks.length;
    };
    for (const rep of reps)
      expect(proposals(rep, [lastMonth])).toBeLessThan(0.6 * proposals(rep, [lastMonth - 3, lastMonth - 2, lastMonth - 1]));
    const first = json.issues[0];
    expect(first.code).toBe("fallingActivity");
    expect([...first.affects].sort()).toEqual([...reps].sort());
    expect(first.summary).toContain(locale === "en" ? "proposals" : "方案提交");
    // A signal that fell under 60% of its own baseline for every rep is a real problem, whatever revenue's spread.
    expect(first.baseline.current).toBeLessThan(0.6 * first.baseline.value);
    expect(first.priority).toBe("high");
    // Close rates below 100%, as the rows give them over the rep section's three months.
    const span = [lastMonth - 2, lastMonth - 1, lastMonth];
    for (const r of json.horizontal as { rep: string; closeRate: number }[]) {
      const lines = deals.filter((l) => l.rep === r.rep && span.includes(monthKey(l.date as number)));
      expect(r.closeRate).toBeCloseTo(lines.filter((l) => l.status === won).length / lines.length, 10);
      expect(r.closeRate).toBeLessThan(1);
    }
  });
});

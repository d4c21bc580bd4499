import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./cli-harness";
import { cellAddress, parseRangeAreas } from "../../src/core/cell/a1";
import { readMarkCells } from "../../src/core/validate/mark-areas";

/**
 * A generated team: five reps, three metrics, nine weeks (two months, 2026-09-28 to 2026-11-23) of the
 * tracker in its template layout, from a fixed seed. The test keeps what it drew (counts, and for each
 * reason the cause it was drawn for) and computes every figure of the review from that by plain loops:
 * never through the add-in's reader or grouping.
 */
const dir = mkdtempSync(path.join(tmpdir(), "weekly-test-"));
const REPS = ["张伟", "李娜", "王强", "刘洋", "陈静"];
const METRICS = [
  { name: "新客户开发", key: "newCustomers", target: 5 },
  { name: "电话", key: "calls", target: 75 },
  { name: "拜访", key: "visits", target: 10 },
];
/** Phrasings per cause, as reps write them: the review must see each list as one cause. */
const CAUSES: Record<string, string[]> = {
  unreachable: ["客户未接听", "电话打不通", "客户不接电话", "联系不上客户", "customers did not answer"],
  price: ["客户嫌价格太贵", "报价被压价，要求折扣", "price too high for them"],
  time: ["周三开会一整天", "出差两天", "请假一天"],
};
const MONDAYS = Array.from({ length: 9 }, (_v, i) => new Date(Date.UTC(2026, 8, 28 + 7 * i)));
const iso = (d: Date) => d.toISOString().slice(0, 10);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Drawn {
  week: string;
  rep: string;
  metric: (typeof METRICS)[number];
  days: number[];
  cause?: string;
  reason?: string;
}

function draw(seed: number): Drawn[] {
  const random = rng(seed);
  const out: Drawn[] = [];
  for (const monday of MONDAYS) {
    for (const rep of REPS) {
      const form = 0.55 + random() * 0.65; // this rep's week, 55%..120% of pace
      for (const metric of METRICS) {
        const pace = metric.target / 5;
        const days = Array.from({ length: 5 }, () => Math.max(0, Math.round(pace * form * (0.5 + random()))));
        const done = days.reduce((s, d) => s + d, 0);
        const row: Drawn = { week: iso(monday), rep, metric, days };
        if (done < metric.target && random() < 0.8) {
          const causes = Object.keys(CAUSES);
          const cause = causes[Math.floor(random() * causes.length)];
          row.cause = cause;
          row.reason = CAUSES[cause][Math.floor(random() * CAUSES[cause].length)];
        }
        out.push(row);
      }
    }
  }
  return out;
}

async function writeTracker(rows: readonly Drawn[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "本表由销售经理维护";
  const ws = wb.addWorksheet("周计划跟踪表");
  ws.addRow([
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
  ]);
  for (const r of rows) {
    const done = r.days.reduce((s, d) => s + d, 0);
    ws.addRow([
      new Date(`${r.week}T00:00:00Z`),
      r.rep,
      r.metric.name,
      r.metric.target,
      ...r.days,
      done,
      done / r.metric.target,
      r.reason ?? null,
      r.reason ? "下周调整" : null,
    ]);
  }
  await wb.xlsx.writeFile(file);
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

describe("sales-playbook weekly on a generated team with two months of tracking", () => {
  const rows = draw(7);
  const file = path.join(dir, "team.xlsx");
  beforeAll(() => writeTracker(rows, file));

  const week = "2026-11-23";
  const previousWeek = "2026-11-16";
  const at = (w: string, rep: string, key: string) => rows.find((r) => r.week === w && r.rep === rep && r.metric.key === key)!;
  const rate = (r: Drawn) => r.days.reduce((s, d) => s + d, 0) / r.metric.target;

  it("gives each rep's completion per metric, the team's per metric, and the metrics under 85%", async () => {
    const result = await runCli(["weekly", file, "--json", "--lang", "zh-CN"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.week).toBe(week);
    expect(json.threshold).toBe(0.85);
    expect(json.trackers).toEqual(["周计划跟踪表"]);

    const expectedReps = REPS.map((rep) => ({
      owner: rep,
      metrics: METRICS.map((m) => {
        const now = at(week, rep, m.key);
        const before = at(previousWeek, rep, m.key);
        return {
          metric: m.key,
          target: m.target,
          done: now.days.reduce((s, d) => s + d, 0),
          rate: expect.closeTo(rate(now), 10),
          previousRate: expect.closeTo(rate(before), 10),
          below: rate(now) < 0.85,
        };
      }),
    }));
    expect(
      json.reps.map((r: { owner: string; metrics: object[] }) => ({
        owner: r.owner,
        metrics: r.metrics.map(({ label: _l, ...m }: { label?: string }) => m),
      })),
    ).toEqual(expectedReps);

    for (const m of METRICS) {
      const now = REPS.map((rep) => at(week, rep, m.key));
      const before = REPS.map((rep) => at(previousWeek, rep, m.key));
      const sum = (list: Drawn[]) => list.reduce((s, r) => s + r.days.reduce((a, d) => a + d, 0), 0);
      const team = json.metrics.find((x: { metric: string }) => x.metric === m.key);
      expect(team.target).toBe(m.target * REPS.length);
      expect(team.done).toBe(sum(now));
      expect(team.rate).toBeCloseTo(sum(now) / (m.target * REPS.length), 10);
      expect(team.previousRate).toBeCloseTo(sum(before) / (m.target * REPS.length), 10);
      expect(team.repsBelow).toBe(now.filter((r) => rate(r) < 0.85).length);
    }

    const below = rows.filter((r) => r.week === week && rate(r) < 0.85);
    expect(below.length).toBeGreaterThan(0); // the seed gives a week worth reviewing
    expect(json.summary[0]).toBe(`本周5人共15项指标，${below.length}项低于85%。`);
    expect(json.summary[1]).toBe(
      `低于85%：${below.map((r) => `${r.rep} ${metricName(r.metric.key)} ${pct(rate(r))}`).join("、")}。`,
    );
  });

  it("groups the reasons by cause across reps, and a cause three reps give is a team problem", async () => {
    const json = JSON.parse((await runCli(["weekly", file, "--json", "--lang", "zh-CN"])).stdout);
    const byCause = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.week === week && x.cause)) {
      byCause.set(r.cause!, (byCause.get(r.cause!) ?? new Set()).add(r.rep));
    }
    const got = new Map<string, string[]>(json.reasons.map((g: { theme: string; reps: string[] }) => [g.theme, g.reps]));
    expect([...got.keys()].sort()).toEqual([...byCause.keys()].sort());
    for (const [cause, reps] of byCause) expect([...got.get(cause)!].sort()).toEqual([...reps].sort());
    const team = [...byCause].filter(([, reps]) => reps.size >= 3).map(([cause]) => cause);
    expect(team.length).toBeGreaterThan(0);
    expect(
      json.reasons
        .filter((g: { team: boolean }) => g.team)
        .map((g: { theme: string }) => g.theme)
        .sort(),
    ).toEqual(team.sort());
    const sentences = json.summary.filter((s: string) => s.includes("团队共性问题"));
    expect(sentences).toHaveLength(team.length);
  });

  it("flags reps for coaching after two missed weeks or three days under pace, and follows up last week's misses", async () => {
    const json = JSON.parse((await runCli(["weekly", file, "--json", "--lang", "en"])).stdout);
    const expected: { owner: string; metric: string; weeks: number; days: number }[] = [];
    for (const rep of REPS) {
      for (const m of METRICS) {
        let weeks = 0;
        for (let i = MONDAYS.length - 1; i >= 0; i--) {
          const r = at(iso(MONDAYS[i]), rep, m.key);
          if (r.days.reduce((s, d) => s + d, 0) >= m.target) break;
          weeks++;
        }
        let days = 0;
        let run = 0;
        for (const d of at(week, rep, m.key).days) {
          run = d < m.target / 5 ? run + 1 : 0;
          days = Math.max(days, run);
        }
        if (weeks >= 2 || days >= 3)
          expected.push({ owner: rep, metric: m.key, weeks: weeks >= 2 ? weeks : 0, days: days >= 3 ? days : 0 });
      }
    }
    expect(json.coaching.map(({ label: _l, ...c }: { label: string }) => c)).toEqual(expected);

    const follow = rows
      .filter((r) => r.week === previousWeek && rate(r) < 0.85)
      .map((r) => {
        const now = rate(at(week, r.rep, r.metric.key));
        const status = now >= 0.85 ? "improved" : now > rate(r) ? "better" : "notImproved";
        return { owner: r.rep, metric: r.metric.key, status };
      });
    expect(
      json.followUps.map((f: { owner: string; metric: string; status: string }) => ({
        owner: f.owner,
        metric: f.metric,
        status: f.status,
      })),
    ).toEqual(follow);
  });

  it("--out writes the review sheet and highlights every week's completion under 85% on the tracker; --week picks the week", async () => {
    const out = path.join(dir, "reviewed.xlsx");
    const result = await runCli(["weekly", file, "--out", out, "--week", "2026-11-19", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Weekly review 2026-11-16 to 2026-11-20");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Weekly Review")!.getCell("A1").value).toBe("Weekly review 2026-11-16 to 2026-11-20  ".trim());
    const tracker = wb.getWorksheet("周计划跟踪表")! as unknown as {
      conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
    };
    const highlighted = tracker.conditionalFormattings.filter((cf) =>
      cf.rules.some((r) => (r.formulae?.[0] ?? "").includes("|below")),
    );
    const expected = rows
      .map((r, i) => ({ r, sheetRow: i + 2 }))
      .filter(({ r }) => r.week <= "2026-11-16" && rate(r) < 0.85)
      .map(({ sheetRow }) => `K${sheetRow}`);
    // The highlights as the formats code them (a few formats, cells joined into rectangles), and as their ranges.
    const cells = highlighted.flatMap((cf) => readMarkCells(`=${cf.rules[0].formulae![0]}`)!.cells);
    expect(cells.map((c) => cellAddress(c.row, c.column)).sort()).toEqual(expected.sort());
    const ranges = highlighted.flatMap((cf) => cf.ref.split(" ").flatMap((a) => parseRangeAreas(a) ?? []));
    expect(ranges.flatMap((r) => Array.from({ length: r.rowCount }, (_v, i) => `K${r.row + i + 1}`)).sort()).toEqual(
      expected.sort(),
    );
    expect(wb.getWorksheet("说明")!.getCell("A1").value).toBe("本表由销售经理维护");
  });

  it("says in one sentence what is wrong with a bad --week or a workbook without a tracker", async () => {
    const bad = await runCli(["weekly", file, "--week", "2026-02-30", "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('"2026-02-30" is not a date: write it as YYYY-MM-DD, for example 2026-11-23.\n');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "nothing here";
    const empty = path.join(dir, "empty.xlsx");
    await wb.xlsx.writeFile(empty);
    const none = await runCli(["weekly", empty, "--lang", "zh-CN"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("没有找到周计划跟踪表");
  });
});

function metricName(key: string): string {
  return { newCustomers: "新客户数", calls: "电话量", visits: "拜访量" }[key]!;
}

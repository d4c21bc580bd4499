import { formatNumber } from "../i18n/format";
import { METRIC_LABELS } from "./longitudinal";
import type { DriverSplit } from "./driver-split";
import { against, money, s, type Candidate, type Context } from "./problem-candidates";
import { STRATEGIES } from "./strategies";

const num = formatNumber;

/**
 * Reps far below the team or whose revenue collapsed. A rep problem claims only the rep's own parts
 * of the change (what the team-wide drivers do not explain), and a collapse is judged on what the rep
 * would have sold without the team-wide movement.
 */
export function repCandidates(ctx: Context, split: DriverSplit): Candidate[] {
  const { drivers, baseline: base, horizontal } = ctx.input;
  if (ctx.repCount <= 1) return [];
  const benchmark = horizontal?.reps.find((r) => r.rep === horizontal.benchmark);
  const perRep = [...base.reps.values()].reduce((a, v) => a + v, 0) / Math.max(1, base.reps.size);
  const months = base.months.length;
  const out: Candidate[] = [];
  drivers.reps.forEach((rep, i) => {
    if (!rep.rep) return;
    const usual = base.reps.get(rep.rep) ?? rep.from;
    const stats = horizontal?.reps.find((r) => r.rep === rep.rep);
    const farBelow =
      horizontal !== null &&
      horizontal.below.includes(rep.rep) &&
      stats !== undefined &&
      stats.revenue < 0.5 * horizontal.team.revenue;
    const shared = -split.teamPart[i];
    const collapsed = usual > 0 && rep.to + shared <= 0.5 * usual && usual >= 0.3 * perRep;
    if (!farBelow && !collapsed) return;
    const code = collapsed ? "repDrop" : "repFarBelow";
    const habit = benchmark && stats && benchmark.rep !== rep.rep ? habitGap(benchmark.perWeek, stats.perWeek) : null;
    const cue = habit
      ? s(
          `；标杆${benchmark!.rep}的${METRIC_LABELS[habit.field]["zh-CN"]}每周${num(habit.theirs)}次，${rep.rep}${num(habit.ours)}次`,
          `; the benchmark ${benchmark!.rep} makes ${num(habit.theirs)} ${METRIC_LABELS[habit.field].en} a week, ${rep.rep} ${num(habit.ours)}`,
        )
      : s("", "");
    const teamNote =
      shared > 0
        ? s(
            `；其中约${money(shared)["zh-CN"]}来自全队共同的变化，不计入本项`,
            `; about ${money(shared).en} of it is the team-wide change, not counted here`,
          )
        : s("", "");
    const perMonth = horizontal ? horizontal.team.revenue / 3 : 0;
    out.push({
      kind: "rep",
      rep: i,
      code,
      cap: Infinity,
      baseline: collapsed ? { value: usual, months, kind: "money" } : { value: perMonth, months: 3, kind: "money" },
      describe: (_a, amount) => ({
        summary: collapsed
          ? s(
              `${rep.rep}本月业绩骤降：${money(rep.to)["zh-CN"]}，此前月均${money(usual)["zh-CN"]}`,
              `${rep.rep}'s revenue collapsed: ${money(rep.to).en} against ${money(usual).en} a month on average`,
            )
          : s(`${rep.rep}业绩远低于团队人均`, `${rep.rep} far below the team average`),
        evidence: collapsed
          ? s(
              `${rep.rep}本月${money(rep.to)["zh-CN"]}，${against(months, money(usual))["zh-CN"]}${teamNote["zh-CN"]}${cue["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
              `${rep.rep}: ${money(rep.to).en} this month ${against(months, money(usual)).en}${teamNote.en}${cue.en}; about ${money(amount).en} of revenue`,
            )
          : s(
              `${rep.rep}近3个月（含本月）月均${money(stats!.revenue / 3)["zh-CN"]}，同期团队人均${money(perMonth)["zh-CN"]}${cue["zh-CN"]}；影响销售额约${money(amount)["zh-CN"]}`,
              `${rep.rep}: ${money(stats!.revenue / 3).en} a month over the 3 months to this one, against the team's per-rep average of ${money(perMonth).en} over the same months${cue.en}; about ${money(amount).en} of revenue`,
            ),
        actions: habit
          ? [
              s(
                `${rep.rep}与标杆${benchmark!.rep}一对一辅导：${METRIC_LABELS[habit.field]["zh-CN"]}从每周${num(habit.ours)}次提高到${num(habit.theirs)}次`,
                `One-to-one coaching of ${rep.rep} with ${benchmark!.rep}: ${METRIC_LABELS[habit.field].en} from ${num(habit.ours)} to ${num(habit.theirs)} a week`,
              ),
              STRATEGIES[code][1],
            ]
          : [...STRATEGIES[code]],
      }),
    });
  });
  return out;
}

type Habit = { field: "calls" | "visits" | "followUps" | "proposals"; theirs: number; ours: number };

/** The process count where the benchmark does most more than the rep (at least 20% more). */
function habitGap(
  theirs: Readonly<Partial<Record<string, number>>>,
  ours: Readonly<Partial<Record<string, number>>>,
): Habit | null {
  let best: Habit | null = null;
  for (const field of ["calls", "visits", "followUps", "proposals"] as const) {
    const t = theirs[field];
    const o = ours[field];
    if (t === undefined || o === undefined || t < 1.2 * o) continue;
    if (!best || t / Math.max(o, 1e-9) > best.theirs / Math.max(best.ours, 1e-9)) best = { field, theirs: t, ours: o };
  }
  return best;
}

import { formatBilingual } from "../../i18n/locale";
import { formatNumber } from "../../i18n/format";
import type { Bilingual } from "../../i18n/locale";
import type { RepChange } from "../metrics/change-drivers";
import type { DriverSplit } from "./driver-split";
import type { RepStats } from "./horizontal";
import { METRIC_LABELS } from "./longitudinal";
import { against, money, revenue, type Context, type Detected } from "./problem-candidates";
import { ITEM_TEXT, NOTHING, PROBLEM_TEXT } from "./problem-text";
import { STRATEGIES } from "./strategies";

const num = formatNumber;

/**
 * What the rep problems judge one rep on. A rep problem claims only the rep's own parts of the change
 * (what the team-wide drivers do not explain), and a collapse is judged on what the rep would have sold
 * without the team-wide movement.
 */
export interface RepFacts {
  /** The rep's row of the driver table. */
  readonly index: number;
  readonly rep: RepChange;
  /** The rep's monthly revenue before (the baseline's average, else last month's). */
  readonly usual: number;
  readonly months: number;
  /** The rep's figures over the horizontal span (3 months), when the data has them. */
  readonly stats: RepStats | undefined;
  /** The team's per-rep revenue a month over the same span. */
  readonly teamPerMonth: number;
  /** What the team-wide movement took from the rep (positive: a loss). */
  readonly shared: number;
  /** Sold at most half of the usual without the team-wide movement (and the rep usually sells at least 30% of the per-rep average). */
  readonly collapsed: boolean;
  /** Below the team and under half the per-rep revenue over the span. */
  readonly farBelow: boolean;
  /** The process count where the benchmark does most more than the rep, when there is a benchmark. */
  readonly habit: { readonly benchmark: string; readonly gap: Habit } | null;
}

/** Each named rep's facts; none when the data has one rep or none. */
export function repFacts(ctx: Context, split: DriverSplit): RepFacts[] {
  const { drivers, baseline: base, horizontal } = ctx.input;
  if (ctx.repCount <= 1) return [];
  const benchmark = horizontal?.reps.find((r) => r.rep === horizontal.benchmark);
  const perRep = [...base.reps.values()].reduce((a, v) => a + v, 0) / Math.max(1, base.reps.size);
  return drivers.reps.flatMap((rep, index): RepFacts[] => {
    if (!rep.rep) return [];
    const usual = base.reps.get(rep.rep) ?? rep.from;
    const stats = horizontal?.reps.find((r) => r.rep === rep.rep);
    const shared = -split.teamPart[index];
    const gap = benchmark && stats && benchmark.rep !== rep.rep ? habitGap(benchmark.perWeek, stats.perWeek) : null;
    return [
      {
        index,
        rep,
        usual,
        months: base.months.length,
        stats,
        teamPerMonth: horizontal ? horizontal.team.revenue / 3 : 0,
        shared,
        collapsed: usual > 0 && rep.to + shared <= 0.5 * usual && usual >= 0.3 * perRep,
        farBelow:
          horizontal !== null &&
          horizontal.below.includes(rep.rep) &&
          stats !== undefined &&
          stats.revenue < 0.5 * horizontal.team.revenue,
        habit: gap && { benchmark: benchmark!.rep, gap },
      },
    ];
  });
}

/** A rep whose revenue collapsed against the rep's own usual month. */
export const repDrop = (_ctx: Context, r: RepFacts): Detected | null => {
  if (!r.collapsed) return null;
  const words = PROBLEM_TEXT.repDrop;
  const figures = { rep: r.rep.rep, now: money(r.rep.to), usual: money(r.usual) };
  return {
    cap: Infinity,
    baseline: { value: r.usual, months: r.months, kind: "money" },
    describe: (_affects, amount) => ({
      summary: formatBilingual(words.summary, figures),
      evidence: formatBilingual(words.evidence, {
        ...figures,
        against: against(r.months, figures.usual),
        teamPart: r.shared > 0 ? formatBilingual(words.teamPart, { amount: money(r.shared) }) : NOTHING,
        habit: habitCue(r),
        revenue: revenue(amount),
      }),
      actions: coaching(r, STRATEGIES.repDrop),
    }),
  };
};

/** A rep far below the team over the span (and whose revenue did not collapse: that is `repDrop`). */
export const repFarBelow = (_ctx: Context, r: RepFacts): Detected | null => {
  if (!r.farBelow || r.collapsed) return null;
  const words = PROBLEM_TEXT.repFarBelow;
  return {
    cap: Infinity,
    baseline: { value: r.teamPerMonth, months: 3, kind: "money" },
    describe: (_affects, amount) => ({
      summary: formatBilingual(words.summary, { rep: r.rep.rep }),
      evidence: formatBilingual(words.evidence, {
        rep: r.rep.rep,
        perMonth: money(r.stats!.revenue / 3),
        team: money(r.teamPerMonth),
        habit: habitCue(r),
        revenue: revenue(amount),
      }),
      actions: coaching(r, STRATEGIES.repFarBelow),
    }),
  };
};

/** "；标杆张三的拜访每周12次，李四5次", or nothing without a habit to copy. */
function habitCue({ rep, habit }: RepFacts): Bilingual {
  if (!habit) return NOTHING;
  const { field, theirs, ours } = habit.gap;
  return formatBilingual(ITEM_TEXT.habit, {
    benchmark: habit.benchmark,
    label: METRIC_LABELS[field],
    theirs: num(theirs),
    rep: rep.rep,
    ours: num(ours),
  });
}

/** Coaching on the benchmark's habit and the playbook's second strategy, or the playbook's strategies without a habit. */
function coaching({ rep, habit }: RepFacts, strategies: readonly Bilingual[]): Bilingual[] {
  if (!habit) return [...strategies];
  const { field, theirs, ours } = habit.gap;
  const words = { rep: rep.rep, benchmark: habit.benchmark, label: METRIC_LABELS[field], ours: num(ours), theirs: num(theirs) };
  return [formatBilingual(ITEM_TEXT.coaching, words), strategies[1]];
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

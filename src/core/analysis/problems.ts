import { formatAmount, formatPercent } from "../i18n/format";
import { bilingual, type Bilingual } from "../i18n/locale";
import { DRIVERS } from "./change-drivers";
import { describeChange } from "./longitudinal";
import { candidates, type Candidate, type ProblemInputs } from "./problem-candidates";
import { STRATEGIES, type ProblemCode } from "./strategies";

export { STRATEGIES, type ProblemCode } from "./strategies";
export type { ProblemInputs } from "./problem-candidates";

export type Priority = "high" | "medium" | "low";

/** A strategy row ready to fill: the action (numbers from the data where it has them), owner/resources/deadline left for the manager. */
export interface Strategy {
  readonly action: Bilingual;
  readonly owner: string;
  readonly resources: string;
  readonly deadline: string;
}

export interface Problem {
  readonly rank: number;
  readonly code: ProblemCode;
  readonly priority: Priority;
  /** The part of this month's revenue change this problem explains; problems never share a part. */
  readonly atStake: number;
  /** `atStake` as a share of the change explained (the fall in revenue, or the losses growth elsewhere covered). */
  readonly share: number;
  /** The reps it concerns (empty when it concerns the team as a whole or the data has no rep column). */
  readonly affects: readonly string[];
  readonly summary: Bilingual;
  readonly evidence: Bilingual;
  readonly strategies: readonly Strategy[];
}

const s = bilingual;
const money = formatAmount;
const pct = formatPercent;

function priorityOf(share: number): Priority {
  return share >= 0.35 ? "high" : share >= 0.15 ? "medium" : "low";
}

/**
 * The TOP problems by the part of this month's revenue change each explains. The change is split by
 * rep and driver; a season seen a year earlier takes its share first; then, greedily, the problem
 * that explains most of what is left claims its parts, so no amount is counted twice and the amounts
 * never add up to more than the fall they explain. A signal counts only when it is worse than the
 * team's own recent months.
 */
export function rankProblems(input: ProblemInputs, limit = 3): Problem[] {
  const { drivers } = input;
  const cells = new Map<string, number>();
  drivers.reps.forEach((r, i) => DRIVERS.forEach((d) => cells.set(`${i}:${d}`, r.effects[d])));
  const gross = [...cells.values()].reduce((a, v) => a + Math.max(0, -v), 0);
  const explained = drivers.change < 0 ? -drivers.change : gross;
  if (explained <= 0) return [];
  let budget = explained;
  const repCount = drivers.reps.filter((r) => r.rep).length;
  const found: Omit<Problem, "rank">[] = [];

  const y = input.yearAgo;
  const seasonal = y && y.from > 0 && drivers.change < 0 ? Math.min(budget, -(drivers.from * (y.to / y.from - 1))) : 0;
  if (y && seasonal >= 0.25 * explained) {
    const [ours, theirs] = [drivers.to / drivers.from - 1, y.to / y.from - 1];
    found.push({
      code: "seasonalDip",
      priority: "low",
      atStake: seasonal,
      share: seasonal / explained,
      affects: [],
      summary: s(
        `季节性回落：去年同期同样下降${pct(-theirs)}`,
        `Seasonal dip: the same months a year ago fell ${pct(-theirs)} too`,
      ),
      evidence: s(
        `本月销售额环比${describeChange("revenue", ours)["zh-CN"]}，去年同期环比${describeChange("revenue", theirs)["zh-CN"]}；按去年节奏约${money(seasonal)["zh-CN"]}的下降属季节性`,
        `revenue ${describeChange("revenue", ours).en} on last month; a year ago ${describeChange("revenue", theirs).en}; about ${money(seasonal).en} of the fall follows last year's season`,
      ),
      strategies: STRATEGIES.seasonalDip.map((action) => ({ action, owner: "", resources: "", deadline: "" })),
    });
    budget -= seasonal;
    const keep = 1 - seasonal / gross;
    for (const [k, v] of cells) if (v < 0) cells.set(k, v * keep);
  }

  const open = candidates(input, repCount);
  while (found.length < limit && open.length > 0 && budget > 1e-6 * explained) {
    const worth = (c: Candidate) => Math.min(c.cap, -c.cells.reduce((a, k) => a + (cells.get(k) ?? 0), 0));
    open.sort((a, b) => worth(b) - worth(a));
    const best = open.shift()!;
    const amount = Math.min(worth(best), budget);
    if (!(amount >= 0.01 * explained)) break;
    const byRep = new Map<string, number>();
    for (const k of best.cells) {
      const rep = drivers.reps[Number(k.slice(0, k.indexOf(":")))].rep;
      byRep.set(rep, (byRep.get(rep) ?? 0) + (cells.get(k) ?? 0));
      cells.delete(k);
    }
    const affects = [...byRep]
      .filter(([rep, v]) => rep && v < 0)
      .sort((a, b) => a[1] - b[1])
      .map(([rep]) => rep);
    const text = best.describe(affects, amount);
    budget -= amount;
    found.push({
      code: best.code,
      priority: priorityOf(amount / explained),
      atStake: amount,
      share: amount / explained,
      affects,
      summary: text.summary,
      evidence: text.evidence,
      strategies: text.actions.map((action) => ({ action, owner: "", resources: "", deadline: "" })),
    });
  }
  return found
    .sort((a, b) => b.atStake - a.atStake)
    .slice(0, limit)
    .map((p, i) => ({ ...p, rank: i + 1 }));
}

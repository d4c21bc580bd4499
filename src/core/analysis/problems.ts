import { formatAmount, formatPercent } from "../i18n/format";
import { bilingual, type Bilingual } from "../i18n/locale";
import { DRIVERS, type ChangeDrivers } from "./change-drivers";
import { ownCell, repOfCell, splitByTeam, teamCell } from "./driver-split";
import { describeChange } from "./longitudinal";
import { TEAM_PROBLEMS, type Candidate, type Context, type ProblemBaseline, type ProblemInputs } from "./problem-candidates";
import { repCandidates } from "./rep-candidates";
import { seasonalShare, type SeasonalShare } from "./seasonal";
import { STRATEGIES, type ProblemCode } from "./strategies";
import { typeShift } from "./type-candidates";

export { STRATEGIES, type ProblemCode } from "./strategies";
export type { ProblemBaseline, ProblemInputs } from "./problem-candidates";

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
  /** `atStake` as a share of `shareOf`: never above 1. */
  readonly share: number;
  /** What the share is of: the month's fall, or (in a month that grew) the losses the growth hid. */
  readonly shareOf: "fall" | "hiddenLosses";
  /** The one figure the item is measured against (the average of the months before), when it has one. */
  readonly baseline: ProblemBaseline | null;
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
 * Whether the month's losses are within the team's usual month-to-month spread: twice the root mean
 * square of its monthly falls over the past year (at least 3 of them; else twice the standard
 * deviation of all its monthly changes). Then nothing is high priority.
 */
function withinUsualSpread(history: readonly number[] | undefined, d: ChangeDrivers, explained: number): boolean {
  const changes: number[] = [];
  for (let i = 1; i < (history?.length ?? 0); i++) if (history![i - 1] > 0) changes.push(history![i] / history![i - 1] - 1);
  if (changes.length < 3 || d.from <= 0) return false;
  const falls = changes.filter((c) => c < 0);
  const mean = changes.reduce((a, v) => a + v, 0) / changes.length;
  const spread =
    falls.length >= 3
      ? 2 * Math.sqrt(falls.reduce((a, v) => a + v * v, 0) / falls.length)
      : 2 * Math.sqrt(changes.reduce((a, v) => a + (v - mean) ** 2, 0) / (changes.length - 1));
  return explained / d.from < spread;
}

interface Found extends Omit<Problem, "rank" | "summary" | "evidence" | "strategies" | "affects"> {
  readonly candidate: Candidate | null;
  readonly byRep: Map<string, number>;
  readonly teamWide: boolean;
  text: { summary: Bilingual; evidence: Bilingual; actions: readonly Bilingual[] };
}

function seasonalItem(d: ChangeDrivers, share: SeasonalShare, explained: number, shareOf: Problem["shareOf"]): Found {
  const [ours, theirs] = [d.to / d.from - 1, share.yearAgoChange];
  const why =
    share.evidence === "drivers"
      ? s("，且下降来自相同的因素", ", through the same drivers")
      : s("，此前一年同期也同样下降", ", and the year before as well");
  return {
    code: "seasonalDip",
    priority: "low",
    atStake: share.total,
    share: share.total / explained,
    shareOf,
    baseline: null,
    candidate: null,
    byRep: new Map(),
    teamWide: false,
    text: {
      summary: s(
        `季节性回落：去年同期同样下降${pct(-theirs)}`,
        `Seasonal dip: the same months a year ago fell ${pct(-theirs)} too`,
      ),
      evidence: s(
        `本月销售额环比${describeChange("revenue", ours)["zh-CN"]}，去年同期环比${describeChange("revenue", theirs)["zh-CN"]}${why["zh-CN"]}；按去年节奏约${money(share.total)["zh-CN"]}的下降属季节性`,
        `revenue ${describeChange("revenue", ours).en} on last month; a year ago ${describeChange("revenue", theirs).en}${why.en}; about ${money(share.total).en} of the fall follows last year's season`,
      ),
      actions: STRATEGIES.seasonalDip,
    },
  };
}

/**
 * The TOP problems by the part of this month's revenue change each explains, attributed
 * hierarchically. The change is split by rep and driver (`change-drivers`), each cell into the part
 * the team-wide movement of its driver explains and the rep's own residual (`driver-split`). A season
 * with evidence takes its share first; then each team problem whose driver moved for the whole team
 * claims the team-wide parts; then each rep problem the rep's own residual; then, greedily, the
 * problem that explains most of what is left claims the losses in its cells, so no amount is counted
 * twice and the amounts never add up to more than the fall they explain. Team-wide items come first.
 */
export function rankProblems(input: ProblemInputs, limit = 3): Problem[] {
  const { drivers } = input;
  const split = splitByTeam(drivers);
  const cells = split.cells;
  const gross = [...cells.values()].reduce((a, v) => a + Math.max(0, -v), 0);
  const explained = drivers.change < 0 ? -drivers.change : gross;
  if (explained <= 0) return [];
  const shareOf: Problem["shareOf"] = drivers.change < 0 ? "fall" : "hiddenLosses";
  const quiet = withinUsualSpread(input.history, drivers, explained);
  const ctx: Context = { input, repCount: drivers.reps.filter((r) => r.rep).length };
  const found: Found[] = [];
  let budget = explained;

  const season = seasonalShare(drivers, input.yearAgo, explained);
  if (season.share) {
    found.push(seasonalItem(drivers, season.share, explained, shareOf));
    budget -= season.share.total;
    for (const [d, amount] of season.share.byDriver) {
      const keys = drivers.reps.flatMap((_r, i) => [teamCell(i, d), ownCell(i, d)]);
      const fall = keys.reduce((a, k) => a + Math.max(0, -cells.get(k)!), 0);
      const keep = fall > 0 ? Math.max(0, 1 - amount / fall) : 1;
      for (const k of keys) if (cells.get(k)! < 0) cells.set(k, cells.get(k)! * keep);
    }
  }

  const keysOf = (c: Candidate, teamOnly = false): string[] =>
    c.kind === "rep"
      ? DRIVERS.map((d) => ownCell(c.rep, d))
      : drivers.reps.flatMap((_r, i) =>
          c.drivers.flatMap((d) =>
            teamOnly ? (split.teamWide.has(d) ? [teamCell(i, d)] : []) : [teamCell(i, d), ownCell(i, d)],
          ),
        );
  const team: Candidate[] = TEAM_PROBLEMS.flatMap((p) => {
    const detected = p.detect(ctx);
    return detected ? [{ ...detected, kind: "driver" as const, drivers: p.drivers }] : [];
  });
  const mix = typeShift(ctx);
  if (mix)
    team.push({ ...mix, kind: "driver", drivers: ["newCustomers", "returningCustomers", "ordersPerCustomer", "avgOrderValue"] });
  const open: Candidate[] = [...team, ...repCandidates(ctx, split)];
  const claimedBy = (c: Candidate) => found.find((f) => f.candidate === c);
  // A problem claims losses: the parts of its cells that took revenue away (gains stay where they are).
  const lossIn = (keys: readonly string[]) => keys.filter((k) => (cells.get(k) ?? 0) < 0);
  const worth = (c: Candidate, keys: readonly string[]) =>
    Math.min(c.cap - (claimedBy(c)?.atStake ?? 0), -lossIn(keys).reduce((a, k) => a + cells.get(k)!, 0));
  const claim = (c: Candidate, keys: readonly string[], teamWide: boolean): boolean => {
    const amount = Math.min(worth(c, keys), budget);
    if (!(amount >= 0.01 * explained)) return false;
    const byRep = claimedBy(c)?.byRep ?? new Map<string, number>();
    for (const k of lossIn(keys)) {
      const rep = drivers.reps[repOfCell(k)].rep;
      byRep.set(rep, (byRep.get(rep) ?? 0) + (cells.get(k) ?? 0));
      cells.delete(k);
    }
    budget -= amount;
    const before = claimedBy(c);
    if (before) {
      found[found.indexOf(before)] = {
        ...before,
        atStake: before.atStake + amount,
        share: (before.atStake + amount) / explained,
      };
      return true;
    }
    found.push({
      code: c.code,
      priority: "low",
      atStake: amount,
      share: amount / explained,
      shareOf,
      baseline: c.baseline,
      candidate: c,
      byRep,
      teamWide,
      text: { summary: s("", ""), evidence: s("", ""), actions: [] },
    });
    return true;
  };

  // The movement the whole team shares, before any rep's residual.
  const shared = team.filter((c) => keysOf(c, true).length > 0);
  // On a tie (the same team-wide losses), the customer-type shift is the more specific explanation: it says who stopped.
  const specific = (c: Candidate) => Number(c.code === "customerTypeShift");
  shared.sort((a, b) => worth(b, keysOf(b, true)) - worth(a, keysOf(a, true)) || specific(b) - specific(a));
  for (const c of shared) if (found.length < limit && budget > 1e-6 * explained) claim(c, keysOf(c, true), true);

  // Then each rep's residual beyond it, then whatever is left, greedily.
  for (const round of [open.filter((c) => c.kind === "rep"), open.filter((c) => c.kind !== "rep")]) {
    while (round.length > 0 && budget > 1e-6 * explained) {
      round.sort((a, b) => worth(b, keysOf(b)) - worth(a, keysOf(a)));
      const best = round.shift()!;
      if (!claimedBy(best) && found.length >= limit) continue;
      if (!claim(best, keysOf(best), false) && !claimedBy(best)) break;
    }
  }

  const lead = (f: Found) => f.teamWide && f.atStake >= 0.15 * explained;
  const ranked = found
    .map((f) => {
      if (!f.candidate) return f;
      const affects = [...f.byRep]
        .filter(([rep, v]) => rep && v < 0)
        .sort((a, b) => a[1] - b[1])
        .map(([rep]) => rep);
      const text = f.candidate.describe(affects, f.atStake);
      const priority = quiet ? "low" : priorityOf(f.share);
      return { ...f, priority, text, affects };
    })
    .sort((a, b) => Number(lead(b)) - Number(lead(a)) || b.atStake - a.atStake)
    .slice(0, limit);
  return ranked.map((f, i) => {
    const context = i === 0 && f.code !== "seasonalDip" ? season.context : null;
    const evidence = context
      ? s(`${f.text.evidence["zh-CN"]}；${context["zh-CN"]}`, `${f.text.evidence.en}; ${context.en}`)
      : f.text.evidence;
    return {
      rank: i + 1,
      code: f.code,
      priority: f.priority,
      atStake: f.atStake,
      share: Math.min(1, f.share),
      shareOf: f.shareOf,
      baseline: f.baseline,
      affects: "affects" in f ? (f.affects as string[]) : [],
      summary: f.text.summary,
      evidence,
      strategies: f.text.actions.map((action) => ({ action, owner: "", resources: "", deadline: "" })),
    };
  });
}

import { formatBilingual } from "../../i18n/locale";
import type { Bilingual } from "../../i18n/locale";
import type { ChangeDrivers } from "../metrics/change-drivers";
import { splitByTeam, type DriverSplit } from "./driver-split";
import type { Candidate, Context, ProblemBaseline, ProblemInputs } from "./problem-candidates";
import { PROBLEM_LIST, PROBLEMS, problemDefinition } from "./problem-definitions";
import { ProblemLedger, type Claimed } from "./problem-ledger";
import { ITEM_TEXT } from "./problem-text";
import { repFacts } from "./rep-candidates";
import type { SeasonalShare } from "./seasonal";
import type { ProblemCode } from "./strategies";

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

/** A signal this far under its own baseline (activity, new customers, repurchase) is no month-to-month noise. */
const COLLAPSED = 0.6;

/** A team-wide item whose one signal fell under `COLLAPSED` of its baseline: a real problem whatever revenue did. */
function collapsedSignal(f: Claimed): boolean {
  const b = f.baseline;
  return f.teamWide && b !== null && b.current !== undefined && b.value > 0 && b.current < COLLAPSED * b.value;
}

/** The seasonal share as an item: it claims its part of each driver's losses before any problem. */
function seasonalItem(d: ChangeDrivers, share: SeasonalShare): Claimed {
  return {
    code: "seasonalDip",
    atStake: share.total,
    baseline: null,
    candidate: null,
    byRep: new Map(),
    teamWide: false,
    text: PROBLEMS.seasonalDip.describe(d, share),
  };
}

/**
 * The TOP problems by the part of this month's revenue change each explains, attributed
 * hierarchically. The change is split by rep and driver (`change-drivers`), each cell into the part
 * the team-wide movement of its driver explains and the rep's own residual (`driver-split`). A season
 * with evidence takes its share first; then each team problem whose driver moved for the whole team
 * claims the team-wide parts; then each rep problem the rep's own residual; then, greedily, the
 * problem that explains most of what is left claims the losses in its cells, so no amount is counted
 * twice and the amounts never add up to more than the fall they explain. Items go by amount, a
 * team-wide one always before any rep's residual.
 */
export function rankProblems(input: ProblemInputs, limit = 3): Problem[] {
  const { drivers } = input;
  const split = splitByTeam(drivers);
  const gross = [...split.cells.values()].reduce((a, v) => a + Math.max(0, -v), 0);
  const explained = drivers.change < 0 ? -drivers.change : gross;
  if (explained <= 0) return [];
  const ledger = new ProblemLedger(drivers, split, explained);
  const season = PROBLEMS.seasonalDip.detect(drivers, input.yearAgo, explained);
  if (season.share) ledger.takeSeason(season.share.byDriver, season.share.total, seasonalItem(drivers, season.share));
  claimInOrder(ledger, candidatesOf(input, split), limit);
  // Within the usual spread of revenue, a month is quiet unless a team-wide signal collapsed far beyond any noise.
  const quiet = withinUsualSpread(input.history, drivers, explained) && !ledger.found.some(collapsedSignal);
  const ctx = { shareOf: (drivers.change < 0 ? "fall" : "hiddenLosses") as Problem["shareOf"], explained, quiet };
  return teamWideFirst(ledger.found, explained)
    .slice(0, limit)
    .map((f, i) => problemOf(f, i + 1, ctx, i === 0 ? season.context : null));
}

/** By amount, except that no rep's residual comes before a team-wide item of weight (at least 15% of the change). */
function teamWideFirst(found: readonly Claimed[], explained: number): Claimed[] {
  const sorted = [...found].sort((a, b) => b.atStake - a.atStake);
  const leads = sorted.filter((f) => f.teamWide && f.atStake >= 0.15 * explained);
  const out: Claimed[] = [];
  for (const f of sorted) {
    if (f.candidate?.kind === "rep") for (const l of leads) if (!out.includes(l)) out.push(l);
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

/** Every problem the month's figures show: the team's, then each rep's (in the order of `PROBLEMS`). */
function candidatesOf(input: ProblemInputs, split: DriverSplit): { team: Candidate[]; reps: Candidate[] } {
  const ctx: Context = { input, repCount: input.drivers.reps.filter((r) => r.rep).length };
  const team = PROBLEM_LIST.flatMap((p): Candidate[] => {
    if (p.claims !== "drivers") return [];
    const detected = p.detect(ctx);
    return detected ? [{ ...detected, code: p.code, kind: "driver", drivers: p.drivers }] : [];
  });
  const reps = repFacts(ctx, split).flatMap((rep) =>
    PROBLEM_LIST.flatMap((p): Candidate[] => {
      if (p.claims !== "rep") return [];
      const detected = p.detect(ctx, rep);
      return detected ? [{ ...detected, code: p.code, kind: "rep", rep: rep.index }] : [];
    }),
  );
  return { team, reps };
}

/**
 * First the movement the whole team shares (on a tie, the customer-type shift, the more specific
 * explanation: it says who stopped), then each rep's residual beyond it, then whatever is left, greedily.
 */
function claimInOrder(ledger: ProblemLedger, { team, reps }: { team: Candidate[]; reps: Candidate[] }, limit: number): void {
  const shared = team.filter((c) => ledger.keysOf(c, true).length > 0);
  const specific = (c: Candidate) => Number(problemDefinition(c.code).specific === true);
  const teamWorth = (c: Candidate) => ledger.worth(c, ledger.keysOf(c, true));
  shared.sort((a, b) => teamWorth(b) - teamWorth(a) || specific(b) - specific(a));
  for (const c of shared) if (ledger.found.length < limit && ledger.open) ledger.claim(c, ledger.keysOf(c, true), true);
  for (const round of [[...reps], [...team]]) {
    while (round.length > 0 && ledger.open) {
      round.sort((a, b) => ledger.worth(b, ledger.keysOf(b)) - ledger.worth(a, ledger.keysOf(a)));
      const best = round.shift()!;
      if (!ledger.claimedBy(best) && ledger.found.length >= limit) continue;
      if (!ledger.claim(best, ledger.keysOf(best), false) && !ledger.claimedBy(best)) break;
    }
  }
}

function problemOf(
  f: Claimed,
  rank: number,
  ctx: { shareOf: Problem["shareOf"]; explained: number; quiet: boolean },
  context: Bilingual | null,
): Problem {
  const affects = [...f.byRep]
    .filter(([rep, v]) => rep && v < 0)
    .sort((a, b) => a[1] - b[1])
    .map(([rep]) => rep);
  const text = f.text ?? f.candidate!.describe(affects, f.atStake);
  const share = Math.min(1, f.atStake / ctx.explained);
  const evidence =
    context && problemDefinition(f.code).claims !== "season"
      ? formatBilingual(ITEM_TEXT.withContext, { evidence: text.evidence, context })
      : text.evidence;
  return {
    rank,
    code: f.code,
    priority: problemDefinition(f.code).priority === "low" || ctx.quiet ? "low" : priorityOf(share),
    atStake: f.atStake,
    share,
    shareOf: ctx.shareOf,
    baseline: f.baseline,
    affects,
    summary: text.summary,
    evidence,
    strategies: text.actions.map((action) => ({ action, owner: "", resources: "", deadline: "" })),
  };
}

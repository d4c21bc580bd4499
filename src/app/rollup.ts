import { diagnose } from "../core/analysis/diagnosis/diagnose";
import type { Problem, ProblemCode } from "../core/analysis/diagnosis/problems";
import type { Bilingual } from "../core/i18n/locale";
import { parsePercent } from "../core/parse/quantity";
import { countBySeverity, type Severity } from "../core/validate/finding";
import { RuleContext } from "../core/validate/rule-context";
import { createValidationSettings } from "../core/validate/validation-settings";
import { validateSheets } from "../core/validate/validate-sheets";
import { summarizeWeeklyCompletion } from "../core/validate/weekly.validator";
import { classifyDataSheet } from "../core/analysis/reading/data-sheets";
import type { CellValue } from "../core/cell/cell-value";
import { lazyDealMetrics, readRepHistory } from "./deal-history";
import { readWorkbook } from "./read-workbook";
import type { WorkbookHost } from "./workbook-host.port";

export interface TeamWorkbook {
  /** The team's name as the summary shows it (the file name, usually). */
  readonly team: string;
  readonly host: WorkbookHost;
}

export interface TeamSummary {
  readonly team: string;
  /** The latest monthly review's achievement rate, as a fraction; null without one. */
  readonly achievement: number | null;
  /** Weekly-plan completion over the tracker's lines; null without tracked weeks. */
  readonly weeklyCompletion: number | null;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly issues: readonly Pick<Problem, "rank" | "code" | "priority" | "summary" | "atStake">[];
}

export interface CrossTeamProblem {
  readonly code: ProblemCode;
  readonly summary: Bilingual;
  readonly teams: readonly string[];
  readonly atStake: number;
}

export interface Rollup {
  readonly teams: readonly TeamSummary[];
  /** Problems in more than one team's TOP 3 come first, then by total revenue at stake. */
  readonly problems: readonly CrossTeamProblem[];
}

/** Actual / target where both are numbers (a file no program has recalculated has no cached rate), else the typed rate. */
function achievementOf(cells: Readonly<Record<string, CellValue>>): ReturnType<typeof parsePercent> | undefined {
  const { monthTarget, monthActual, achievement } = cells;
  if (typeof monthTarget === "number" && monthTarget > 0 && typeof monthActual === "number")
    return { ok: true, value: monthActual / monthTarget };
  return achievement === null || achievement === "" ? undefined : parsePercent(achievement);
}

/** Summarises several team workbooks: achievement, weekly completion, check results and TOP problems. Two reads each. */
export async function rollupTeams(workbooks: readonly TeamWorkbook[], today: number): Promise<Rollup> {
  const settings = createValidationSettings(today);
  const teams: TeamSummary[] = [];
  for (const { team, host } of workbooks) {
    const read = await readWorkbook(host);
    const { grids } = read;
    const findings = validateSheets(grids, {
      settings,
      history: readRepHistory(grids),
      metrics: lazyDealMetrics(grids, today),
    }).flatMap((s) => s.findings);
    const review = read.table("review");
    const lastReview = review?.rows.filter((r) => achievementOf(r.cells)?.ok).at(-1);
    const rate = lastReview ? achievementOf(lastReview.cells) : undefined;
    const weekly = read.table("weekly");
    const deals = grids.find((g) => classifyDataSheet(g) === "deals");
    const activity = grids.find((g) => g !== deals && classifyDataSheet(g) === "activity");
    const diagnosis = deals ? diagnose({ deals, activity, today }) : undefined;
    teams.push({
      team,
      achievement: rate?.ok ? rate.value : null,
      weeklyCompletion: weekly ? summarizeWeeklyCompletion(new RuleContext(weekly, settings)).completion : null,
      counts: countBySeverity(findings),
      issues: (diagnosis?.issues ?? []).map(({ rank, code, priority, summary, atStake }) => ({
        rank,
        code,
        priority,
        summary,
        atStake,
      })),
    });
  }
  const byCode = new Map<ProblemCode, CrossTeamProblem>();
  for (const t of teams) {
    for (const issue of t.issues) {
      const known = byCode.get(issue.code);
      byCode.set(issue.code, {
        code: issue.code,
        summary: known?.summary ?? issue.summary,
        teams: [...(known?.teams ?? []), t.team],
        atStake: (known?.atStake ?? 0) + issue.atStake,
      });
    }
  }
  const problems = [...byCode.values()].sort((a, b) => b.teams.length - a.teams.length || b.atStake - a.atStake);
  return { teams, problems };
}

import type { StrategyMetric } from "../core/parse/metric-names";
import type { EffectVerdict } from "../core/actions/strategy-effect";
import type { DriverEffects } from "../core/analysis/metrics/change-drivers";
import type { DataQuality } from "../core/analysis/reading/data-quality";
import type { StatusClass } from "../core/analysis/reading/deal-status";
import type { PipelineSummary, SectionPeriods } from "../core/analysis/diagnosis/diagnose";
import type { ActivityField, DealField } from "../core/analysis/reading/fields";
import type { HighValueProfile } from "../core/analysis/metrics/high-value";
import type { RepStats } from "../core/analysis/diagnosis/horizontal";
import type { Attribution } from "../core/analysis/metrics/lmdi";
import type { MetricComparison } from "../core/analysis/diagnosis/longitudinal";
import type { ProblemBaseline, ProblemCode, Priority } from "../core/analysis/diagnosis/problems";
import type { UnmeasuredReason } from "../core/analysis/progress/progress-text";
import type { NoteSection } from "../core/analysis/reading/reading-notes";
import type { LineStanding } from "../core/analysis/metrics/rep-profile";
import type { PaceStatus, TargetPeriod } from "../core/analysis/progress/target-progress";
import type { MetricKey } from "../core/parse/metrics";
import type { TemplateKey } from "../core/templates/template.types";
import type { RuleCode, Severity } from "../core/validate/finding";
import type { ReasonTheme, RepReason } from "../core/weekly-review/reason-groups";
import type { FollowUp } from "../core/weekly-review/weekly-review";

/**
 * The JSON documents the commands print with `--json` (exactly one document on stdout): the
 * command-line contract, documented in docs/cli.md and checked against docs/cli-schema.json (generated
 * from these types). Fields may be added in later versions, never renamed. Texts (messages, notes,
 * summaries) are in the `--lang` language; rates and shares are fractions (0.25 = 25%); months are
 * `YYYY-MM`, days `YYYY-MM-DD`.
 */

/** A month range, both ends included (`YYYY-MM`). */
export interface MonthSpan {
  readonly from: string;
  readonly to: string;
}

/** How many findings of each severity. */
export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** `sales-playbook init OUT.xlsx --json` */
export interface InitJson {
  /** The file written, as named on the command line. */
  readonly file: string;
  /** Its sheets, in order. */
  readonly sheets: readonly string[];
}

/** One finding of `validate`. */
export interface FindingJson {
  readonly sheet: string;
  /** The cell, as the spreadsheet names it (`B7`). */
  readonly cell: string;
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly message: string;
  /** What to do about it, where the rule knows. */
  readonly fix?: string;
}

/** A playbook sheet `validate` recognised by its header row, whatever its name. */
export interface CheckedSheetJson {
  readonly sheet: string;
  readonly template: TemplateKey;
}

/** `sales-playbook validate FILE --json`: exit code 1 when `counts.error` is above 0. */
export interface ValidateJson {
  /** Every finding (the terminal shows the first 50; the JSON all of them). */
  readonly findings: readonly FindingJson[];
  readonly counts: SeverityCounts;
  /** The playbook sheets found, by their header row. */
  readonly sheets: readonly CheckedSheetJson[];
  /** Says when there is no playbook sheet (not an error: exit code 0). */
  readonly notes: readonly string[];
}

/**
 * One distinct value of the status column (blank as `""`, case ignored): `class` won, booked (an order
 * or payment state: revenue, won in close rates), lost, open (pipeline: neither) or unknown (no word
 * classifies it: revenue, not in close rates).
 */
export interface StatusJson {
  readonly text: string;
  /** How many lines hold it. */
  readonly lines: number;
  readonly class: StatusClass;
  /** True for an unknown value and a guessed one ("On Hold"); `--status` or the workbook's classes make it false. */
  readonly assumed: boolean;
}

/** One customer type's figures. */
export interface SegmentJson {
  readonly type: string;
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
  /** Share of the total revenue (0..1). */
  readonly share: number;
  /** Revenue per order; null without orders. */
  readonly avgOrderValue: number | null;
  /** won ÷ (won + lost) over orders; null without a status column, without a decided order, or when no status says lost. */
  readonly closeRate: number | null;
  /** Share of the type's customers who ordered in two or more months; null with a single month. */
  readonly repurchaseRate: number | null;
}

/** All customers together. */
export interface CustomerTotalJson {
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
}

/** `sales-playbook customers FILE --json`: customer contribution. */
export interface CustomersJson {
  /** The deal sheet read. */
  readonly sheet: string;
  /** The months covered (the whole file unless `--period`). */
  readonly period: MonthSpan;
  /** What was read and left out: missing columns, rows by reason, open pipeline, how each status value was read, order ids shared by customers. */
  readonly notes: readonly string[];
  /** Each value of the status column, most lines first (at most 100), empty without a status column. */
  readonly statuses: readonly StatusJson[];
  /** Field -> the header read for it. */
  readonly mapping: Partial<Record<DealField, string>>;
  /** The fields the sheet has no column for. */
  readonly missing: readonly DealField[];
  readonly segments: readonly SegmentJson[];
  readonly total: CustomerTotalJson;
  /** Revenue share of the top customers (the top 20%); null without revenue. */
  readonly concentration: number | null;
  /** Customers who bought in the month before the latest and not in the latest. */
  readonly churned: readonly string[];
}

/** A reading note of `diagnose`, beside the section it affects. */
export interface DiagnoseNoteJson {
  readonly section: NoteSection;
  readonly text: string;
}

/** Which columns `diagnose` had none for. */
export interface DiagnoseMissingJson {
  readonly deals: readonly DealField[];
  readonly activity: readonly ActivityField[];
}

/** How much data there was, and what it lacks. */
export type DataQualityJson = Omit<DataQuality, "notes"> & {
  /** Why the diagnosis is to be read with care (too few months or orders, months without deals). */
  readonly notes: readonly string[];
};

/** One rep's revenue change this month split into drivers. */
export interface RepAttributionJson {
  readonly rep: string;
  /** Last month's revenue. */
  readonly previous: number;
  /** This month's revenue. */
  readonly current: number;
  /** Driver -> the amount of the change it explains. */
  readonly effects: DriverEffects;
}

/** Per rep over the rep section's months: strong and weak product lines, customer-type preference. */
export interface MemberJson {
  readonly rep: string;
  readonly revenue: number;
  /** Product lines the rep is strong on. */
  readonly strong: readonly string[];
  /** Product lines the rep is weak on. */
  readonly weak: readonly string[];
  /** The customer type the rep leans to most (at least 1.25 × the team's share and 20% of the rep's revenue); null when none. */
  readonly preferredType: string | null;
  /** Empty without a product column. */
  readonly products: readonly LineStanding[];
  /** Empty without a customer-type column. */
  readonly types: readonly LineStanding[];
}

/** What the class-A customers (the top of the Pareto curve) have in common. */
export type HighValueJson = Omit<HighValueProfile, "statement"> & {
  readonly statement: string;
};

/** The customer section of `diagnose` (the months of `periods.customers`). */
export interface DiagnoseCustomersJson {
  readonly segments: readonly SegmentJson[];
  readonly total: CustomerTotalJson;
  readonly concentration: number | null;
  readonly repurchaseRate: number | null;
  readonly churned: readonly string[];
  readonly highValue: HighValueJson | null;
}

/** One strategy for a problem: the action, with owner, resources and deadline left for the manager. */
export interface IssueStrategyJson {
  readonly action: string;
  readonly owner: string;
  readonly resources: string;
  readonly deadline: string;
}

/** One of the TOP 3 problems. */
export interface IssueJson {
  readonly rank: number;
  readonly code: ProblemCode;
  /** high (share ≥ 35%), medium (≥ 15%) or low; none is high when the month's losses are within the team's usual spread. */
  readonly priority: Priority;
  /** The part of this month's revenue change the problem explains; problems never share a part. */
  readonly atStake: number;
  /** `atStake` as a fraction of `shareOf` (never above 1). */
  readonly share: number;
  /** What the share is of: the month's fall, or (when revenue grew) the losses the growth hid. */
  readonly shareOf: "fall" | "hiddenLosses";
  /** The one figure the item is measured against (the average of the months before), or null. */
  readonly baseline: ProblemBaseline | null;
  /** The reps it concerns (empty for the team as a whole). */
  readonly affects: readonly string[];
  readonly summary: string;
  readonly evidence: string;
  readonly strategies: readonly IssueStrategyJson[];
}

/** `sales-playbook diagnose FILE --json`: the diagnosis (step 2 of the playbook). */
export interface DiagnoseJson {
  /** The deal sheet read. */
  readonly sheet: string;
  /** The activity sheet read, or null. */
  readonly activitySheet: string | null;
  /** The month diagnosed (the latest month up to today with deals, or `--period`). */
  readonly period: string | null;
  /** What each section covers. */
  readonly periods: SectionPeriods;
  /** Open deals (neither won nor lost, or dated after today): never revenue, never in close rates. */
  readonly pipeline: PipelineSummary;
  readonly notes: readonly DiagnoseNoteJson[];
  /** As in `customers`. */
  readonly statuses: readonly StatusJson[];
  /** Field -> the header read for it (deal and activity sheets). */
  readonly mapping: Partial<Record<DealField | ActivityField, string>>;
  readonly missing: DiagnoseMissingJson;
  readonly dataQuality: DataQualityJson;
  /** This month against last month and a year ago, per metric. */
  readonly longitudinal: readonly MetricComparison[];
  /** This month's revenue change split exactly into drivers, or null. */
  readonly attribution: Attribution | null;
  /** The same split per rep. */
  readonly attributionByRep: readonly RepAttributionJson[];
  readonly statements: readonly string[];
  /** Each rep's figures over the rep section's months. */
  readonly horizontal: readonly RepStats[];
  /** The benchmark rep, or null. */
  readonly benchmark: string | null;
  /** Reps far below the team. */
  readonly below: readonly string[];
  readonly members: readonly MemberJson[];
  readonly customers: DiagnoseCustomersJson;
  /** The TOP 3, ranked by `atStake` (a team-wide item worth at least 15% of the change comes before any rep's own). */
  readonly issues: readonly IssueJson[];
}

/** One rep's week on one metric. */
export interface WeeklyRepMetricJson {
  /** The driver tree's name where the words name one (`newCustomers`, `calls`, `visits`...), else the text as written. */
  readonly metric: string;
  readonly label: string;
  readonly target: number | null;
  readonly done: number;
  /** done ÷ target; null without a target or without a day filled in. */
  readonly rate: number | null;
  /** The same rep and metric the week before. */
  readonly previousRate: number | null;
  /** Under the threshold. */
  readonly below: boolean;
}

/** One rep's week. */
export interface WeeklyRepJson {
  readonly owner: string;
  readonly metrics: readonly WeeklyRepMetricJson[];
}

/** One metric across the team (reps' targets and counts added up within the metric). */
export interface WeeklyTeamMetricJson {
  readonly metric: string;
  readonly label: string;
  readonly target: number;
  readonly done: number;
  readonly rate: number | null;
  readonly previousRate: number | null;
  /** Reps with the metric. */
  readonly reps: number;
  /** Of them, under the threshold. */
  readonly repsBelow: number;
}

/** Reasons for missed weeks grouped across reps. */
export interface WeeklyReasonJson {
  readonly reason: string;
  /** null for reasons grouped by shared words. */
  readonly theme: ReasonTheme | null;
  readonly reps: readonly string[];
  /** Given by at least 3 reps: a team problem. */
  readonly team: boolean;
  /** What to do about a team problem; null otherwise. */
  readonly suggestion: string | null;
  readonly reasons: readonly RepReason[];
}

/** A rep for one-to-one coaching on a metric: `weeks` missed in a row (at least 2) or `days` under the daily pace in a row (at least 3), 0 for the other. */
export interface WeeklyCoachingJson {
  readonly owner: string;
  readonly metric: string;
  readonly label: string;
  readonly weeks: number;
  readonly days: number;
}

/** Last week's completion under the threshold, looked at again. */
export interface WeeklyFollowUpJson {
  readonly owner: string;
  readonly metric: string;
  readonly label: string;
  readonly previousRate: number;
  readonly rate: number | null;
  /** improved (at or over the threshold now), better (up, still under), notImproved or noData. */
  readonly status: FollowUp["status"];
}

/** `sales-playbook weekly FILE --json`: the Friday weekly review (周复盘). */
export interface WeeklyJson {
  /** The Monday of the week reviewed. */
  readonly week?: string;
  /** The completion under which a rate is below (0.85). */
  readonly threshold: number;
  /** The week trackers read. */
  readonly trackers: readonly string[];
  /** The review's sentences. */
  readonly summary: readonly string[];
  readonly reps: readonly WeeklyRepJson[];
  readonly metrics: readonly WeeklyTeamMetricJson[];
  /** Most reps first. */
  readonly reasons: readonly WeeklyReasonJson[];
  readonly coaching: readonly WeeklyCoachingJson[];
  readonly followUps: readonly WeeklyFollowUpJson[];
  /** Rows with counts but no weekly target (left out). */
  readonly withoutTarget: number;
  /** The sheet the review went to (with `--out`), else null. */
  readonly sheet: string | null;
  /** Completion cells coloured on the trackers (with `--out`). */
  readonly highlighted: number;
  /** Says when the review went to a new sheet. */
  readonly notes: readonly string[];
}

/** One strategy added to the action plan. */
export interface ActionJson {
  /** From the diagnosis's TOP 3 or the latest monthly review's improvements. */
  readonly source: "diagnosis" | "review";
  readonly problem: string;
  readonly strategy: string;
  readonly owner: string;
  readonly resources: string;
  /** `YYYY-MM-DD` (today). */
  readonly startDate: string | null;
  /** `YYYY-MM-DD`, or null where the manager sets it. */
  readonly deadline: string | null;
  readonly status: string;
  /** The metric that shows its effect; null for a review's improvement. */
  readonly metric: StrategyMetric | null;
  /** What the metric and its baseline count: the team's month, or per rep per week (the lead activity's strategies). */
  readonly basis: "month" | "repWeek";
  /** The metric in the month before the start date, on that basis (a rate as a fraction); null when the data has none. */
  readonly baseline: number | null;
}

/** `sales-playbook actions FILE --json`: the action plan filled (with `--out`) or what would be added. */
export interface ActionsJson {
  /** The action plan sheet. */
  readonly sheet: string;
  /** Whether the sheet is (or would be) new. */
  readonly created: boolean;
  /** The deal sheet read. */
  readonly dataSheet: string;
  /** The month whose TOP 3 was taken. */
  readonly period: string | null;
  readonly added: readonly ActionJson[];
  /** Strategies already in the plan, not added again. */
  readonly alreadyPlanned: number;
  /** The 1-based rows of the manager's whose empty baseline was filled. */
  readonly baselinesFilled: readonly number[];
}

/** A month's revenue target and actual, for the team or one rep. */
export interface AchievementJson {
  readonly rep: string;
  /** null without a monthly target. */
  readonly target: number | null;
  readonly actual: number;
  /** actual ÷ target; null without a target. */
  readonly rate: number | null;
}

/** A strategy of the action plan and what it did to its metric. */
export interface MonthlyStrategyJson {
  /** Its 1-based row in the action plan. */
  readonly row: number;
  readonly strategy: string;
  readonly owner: string;
  readonly metric: StrategyMetric;
  /** The month before it started, and the metric then. */
  readonly beforeMonth: string;
  readonly before: number;
  /** The month reviewed, and the metric then. */
  readonly afterMonth: string;
  readonly after: number;
  /** Relative (0.5 = +50%; for a rate, the points as a fraction); null when it started from 0. */
  readonly change: number | null;
  /** A change within 5% counts as unchanged. */
  readonly verdict: EffectVerdict;
  readonly sentence: string;
}

/** `sales-playbook monthly FILE --json`: the monthly review row pre-filled from the data. */
export interface MonthlyJson {
  /** The monthly review sheet. */
  readonly sheet: string;
  /** The review row (1-based). */
  readonly row: number;
  /** Whether the sheet is (or would be) new. */
  readonly created: boolean;
  /** The month reviewed. */
  readonly month: string;
  /** The columns written. */
  readonly written: readonly string[];
  /** The columns of the month's existing row left as the manager wrote them. */
  readonly kept: readonly string[];
  readonly achievement: { readonly team: Omit<AchievementJson, "rep">; readonly reps: readonly AchievementJson[] };
  /** The benchmark rep and why; null with one rep. */
  readonly benchmark: { readonly rep: string; readonly statement: string } | null;
  /** The month's TOP 3, as the diagnosis states them. */
  readonly problems: readonly string[];
  readonly strategies: readonly MonthlyStrategyJson[];
  /** Strategies that worked: candidates for the team's standard practice. */
  readonly sop: readonly string[];
  /** The texts written (each starting with the suggestion marker). */
  readonly cells: { readonly highlights: string; readonly problems: string; readonly improvements: string };
}

/** A target (index 0) or a KR measured from the deal data. */
export interface MeasurementJson {
  /** 0 for the row's own target, n for its nth KR. */
  readonly index: number;
  /** What the row or KR says, as written. */
  readonly text: string;
  readonly metric: MetricKey | null;
  readonly target: number | null;
  /** `target` and `actual` are rates (fractions). */
  readonly percent: boolean;
  readonly actual: number | null;
  /** actual ÷ target. */
  readonly achievement: number | null;
  readonly status: PaceStatus | null;
  /** Why it is not measured, or null. */
  readonly unmeasured: UnmeasuredReason | null;
  /** The figure and its pacing as a sentence, or why it is not measured. */
  readonly sentence: string;
}

/** One row of the target sheet. */
export interface ProgressRowJson {
  /** 1-based. */
  readonly row: number;
  readonly owner: string;
  readonly targetItem: string;
  /** The period measured: `kind`, ISO `from`/`to`, `elapsed` the share of its days gone, `anchor` deadline or today. */
  readonly period: TargetPeriod;
  /** Why the whole row could not be measured, or null. */
  readonly unmeasured: "noOwner" | "ownerNotInData" | "noRepColumn" | null;
  readonly target: MeasurementJson;
  readonly keyResults: readonly MeasurementJson[];
}

/** `sales-playbook progress FILE --json`: each rep's target and KRs against the time gone. */
export interface ProgressJson {
  /** The target sheet. */
  readonly sheet: string;
  /** The deal sheet read. */
  readonly dealSheet: string;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly rows: readonly ProgressRowJson[];
  /** The 1-based rows whose actual, achievement or progress cells were typed by hand (measured, not written). */
  readonly typed: readonly number[];
  /** The columns `--out` adds to an older target sheet. */
  readonly addedColumns: readonly string[];
}

/** One of a team's TOP problems. */
export interface RollupIssueJson {
  readonly rank: number;
  readonly code: ProblemCode;
  readonly priority: Priority;
  readonly summary: string;
  readonly atStake: number;
}

/** One team workbook (named after its file). */
export interface RollupTeamJson {
  readonly team: string;
  /** The latest monthly review's achievement; null without one. */
  readonly achievement: number | null;
  /** Weekly-plan completion; null without tracked weeks. */
  readonly weeklyCompletion: number | null;
  readonly counts: SeverityCounts;
  readonly issues: readonly RollupIssueJson[];
}

/** A problem across teams. */
export interface RollupProblemJson {
  readonly code: ProblemCode;
  readonly summary: string;
  readonly teams: readonly string[];
  readonly atStake: number;
}

/** `sales-playbook rollup FILE... --json`: several team workbooks summed up. */
export interface RollupJson {
  readonly teams: readonly RollupTeamJson[];
  /** Problems in more than one team's TOP 3 first, then by revenue at stake. */
  readonly problems: readonly RollupProblemJson[];
}

/** Every command's JSON document, by command. */
export interface CliJson {
  readonly init: InitJson;
  readonly validate: ValidateJson;
  readonly customers: CustomersJson;
  readonly diagnose: DiagnoseJson;
  readonly weekly: WeeklyJson;
  readonly actions: ActionsJson;
  readonly monthly: MonthlyJson;
  readonly progress: ProgressJson;
  readonly rollup: RollupJson;
}

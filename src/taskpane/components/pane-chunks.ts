import * as React from "react";

/**
 * The cards below the first, each its own chunk so the pane's first paint stays small: a card's chunk loads
 * when its step is first opened, or earlier with `preloadPane` (the workbench calls it once the page is idle).
 */
const CHUNKS = {
  targetSplit: () => import("./target-split-card"),
  progress: () => import("./progress-card"),
  analysis: () => import("./analysis-card"),
  actionPlan: () => import("./action-plan-card"),
  weeklyReview: () => import("./weekly-review-card"),
  monthlyReview: () => import("./monthly-review-card"),
  checkWorkbook: () => import("./check-workbook-card"),
  settings: () => import("./settings-card"),
} as const;

export const TargetSplitCard = React.lazy(async () => ({ default: (await CHUNKS.targetSplit()).TargetSplitCard }));
export const ProgressCard = React.lazy(async () => ({ default: (await CHUNKS.progress()).ProgressCard }));
export const AnalysisCard = React.lazy(async () => ({ default: (await CHUNKS.analysis()).AnalysisCard }));
export const ActionPlanCard = React.lazy(async () => ({ default: (await CHUNKS.actionPlan()).ActionPlanCard }));
export const WeeklyReviewCard = React.lazy(async () => ({ default: (await CHUNKS.weeklyReview()).WeeklyReviewCard }));
export const MonthlyReviewCard = React.lazy(async () => ({ default: (await CHUNKS.monthlyReview()).MonthlyReviewCard }));
export const CheckWorkbookCard = React.lazy(async () => ({ default: (await CHUNKS.checkWorkbook()).CheckWorkbookCard }));
export const SettingsCard = React.lazy(async () => ({ default: (await CHUNKS.settings()).SettingsCard }));

/** Starts loading every card's chunk (each is fetched once; a card opened later shows at once). */
export function preloadPane(): void {
  for (const load of Object.values(CHUNKS)) void load().catch(() => undefined);
}

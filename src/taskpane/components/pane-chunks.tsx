import * as React from "react";
import type { PaneSection } from "../current-step";

/**
 * The cards, each its own chunk, so the pane's first chunk holds only the sections' headings (its first paint): a
 * card's chunk loads when its section is first opened, or earlier: the current step's as the pane starts, while
 * Office.js gets ready (`preloadSection`, index.tsx), every card's with `preloadPane` (the workbench calls it once
 * the page is idle).
 */
interface ChunkedCard<P> {
  /** The card: drawn at once when its chunk is here, else through React.lazy (the section's spinner meanwhile). */
  readonly Card: React.ComponentType<P>;
  /** Fetches the chunk (webpack fetches it once; a failed fetch is tried again on the next call). */
  readonly load: () => Promise<unknown>;
}

function chunked<P extends object>(load: () => Promise<React.FunctionComponent<P>>): ChunkedCard<P> {
  let loaded: React.FunctionComponent<P> | undefined;
  const fetch = () => load().then((card) => (loaded = card));
  const Lazy = React.lazy(async () => ({ default: await fetch() }));
  function Card(props: P) {
    // Chosen once a mount: going from the lazy wrapper to the card itself would mount it again and lose what it shows.
    const [ready] = React.useState(() => loaded);
    // React.lazy's props type (with its ref) is not spelled out for a generic P; the card it holds is a function of P.
    const Shown = (ready ?? Lazy) as React.FunctionComponent<P>;
    return <Shown {...props} />;
  }
  return { Card, load: fetch };
}

const insertTemplates = chunked(async () => (await import("./insert-templates-card")).InsertTemplatesCard);
const targetSplit = chunked(async () => (await import("./target-split-card")).TargetSplitCard);
const progress = chunked(async () => (await import("./progress-card")).ProgressCard);
const analysis = chunked(async () => (await import("./analysis-card")).AnalysisCard);
const actionPlan = chunked(async () => (await import("./action-plan-card")).ActionPlanCard);
const weeklyReview = chunked(async () => (await import("./weekly-review-card")).WeeklyReviewCard);
const monthlyReview = chunked(async () => (await import("./monthly-review-card")).MonthlyReviewCard);
const checkWorkbook = chunked(async () => (await import("./check-workbook-card")).CheckWorkbookCard);
const settings = chunked(async () => (await import("./settings-card")).SettingsCard);

export const InsertTemplatesCard = insertTemplates.Card;
export const TargetSplitCard = targetSplit.Card;
export const ProgressCard = progress.Card;
export const AnalysisCard = analysis.Card;
export const ActionPlanCard = actionPlan.Card;
export const WeeklyReviewCard = weeklyReview.Card;
export const MonthlyReviewCard = monthlyReview.Card;
export const CheckWorkbookCard = checkWorkbook.Card;
export const SettingsCard = settings.Card;

/** Each section's cards (app.tsx draws them in this order). */
const SECTION_CHUNKS: Readonly<Record<PaneSection, readonly (() => Promise<unknown>)[]>> = {
  targets: [insertTemplates.load, targetSplit.load, progress.load],
  diagnosis: [analysis.load],
  actionPlan: [actionPlan.load],
  weekly: [weeklyReview.load],
  monthly: [monthlyReview.load],
  check: [checkWorkbook.load],
  settings: [settings.load],
};

/**
 * Starts loading a section's chunks; settles when they are here (a failure shows when the section is drawn: the
 * card's own load fails again).
 */
export async function preloadSection(section: PaneSection): Promise<void> {
  await Promise.all(SECTION_CHUNKS[section].map((load) => load().catch(() => undefined)));
}

/** Starts loading every card's chunk (each is fetched once; a card opened later shows at once). */
export function preloadPane(): void {
  for (const section of Object.keys(SECTION_CHUNKS) as PaneSection[]) void preloadSection(section);
}

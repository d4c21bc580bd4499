/* global localStorage */

/** The pane's sections in the playbook's order: its five steps, then the check and the settings that serve them all. */
export const PANE_STEPS = ["targets", "diagnosis", "actionPlan", "weekly", "monthly"] as const;
export type PaneStep = (typeof PANE_STEPS)[number];
export type PaneSection = PaneStep | "check" | "settings";

const KEY = "sales-playbook.pane.step";

/**
 * The current step: the one the manager last opened or pressed a button in, remembered in this browser
 * (localStorage, nothing sent); step 1 the first time, or where the browser keeps nothing.
 */
export function rememberedStep(): PaneStep {
  try {
    const kept = localStorage.getItem(KEY);
    return (PANE_STEPS as readonly string[]).includes(kept ?? "") ? (kept as PaneStep) : PANE_STEPS[0];
  } catch {
    return PANE_STEPS[0];
  }
}

export function rememberStep(step: PaneStep): void {
  try {
    localStorage.setItem(KEY, step);
  } catch {
    // A browser that keeps nothing (private mode, storage off): the pane opens at step 1 next time.
  }
}

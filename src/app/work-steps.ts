/** The steps a use case goes through; the pane names the one it is at. */
export type WorkStepName = "reading" | "computing" | "writing";

/** Where a use case is: the step, and its place among the steps this run takes (1-based). */
export interface WorkStep {
  readonly step: WorkStepName;
  readonly index: number;
  readonly total: number;
}

/**
 * Told before each step starts. It may return a promise, which the use case awaits before the step: the
 * pane uses that to paint the step's label before a long synchronous computation.
 */
export type WorkStepCallback = (step: WorkStep) => void | Promise<void>;

/** Tells `onStep` (when given) each of `steps` in turn, numbered. */
export function workStepReporter(
  onStep: WorkStepCallback | undefined,
  steps: readonly WorkStepName[],
): (step: WorkStepName) => Promise<void> {
  return async (step) => {
    if (!onStep) return;
    const index = steps.indexOf(step);
    await onStep({ step, index: index + 1, total: steps.length });
  };
}

/** The steps of a use case that reads, computes and, unless it is asked only to compute, writes. */
export function workSteps(write: boolean): readonly WorkStepName[] {
  return write ? ["reading", "computing", "writing"] : ["reading", "computing"];
}

/** The steps a use case goes through; the pane names the one it is at. */
export type ProgressStepName = "reading" | "computing" | "writing";

/** Where a use case is: the step, and its place among the steps this run takes (1-based). */
export interface ProgressStep {
  readonly step: ProgressStepName;
  readonly index: number;
  readonly total: number;
}

/**
 * Told before each step starts. It may return a promise, which the use case awaits before the step: the
 * pane uses that to paint the step's label before a long synchronous computation.
 */
export type ProgressCallback = (progress: ProgressStep) => void | Promise<void>;

/** Tells `onProgress` (when given) each of `steps` in turn, numbered. */
export function progressReporter(
  onProgress: ProgressCallback | undefined,
  steps: readonly ProgressStepName[],
): (step: ProgressStepName) => Promise<void> {
  return async (step) => {
    if (!onProgress) return;
    const index = steps.indexOf(step);
    await onProgress({ step, index: index + 1, total: steps.length });
  };
}

import * as React from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { WorkStepCallback, WorkStep } from "../../app/work-steps";
import { UseCaseError, type UseCaseErrorCode } from "../../app/use-case-error";
import { localize, type Bilingual, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import { errorText } from "./error-text";

/** Where one button's action is: not run, running (at which step), its result, or one readable sentence of failure. */
export type ActionState<T> =
  | { kind: "idle" }
  | { kind: "working"; step?: WorkStep }
  | { kind: "done"; value: T }
  | { kind: "failed"; message: string; code?: UseCaseErrorCode };

const STEP_TEXT: Readonly<Record<WorkStep["step"], Bilingual>> = {
  reading: PANE_MESSAGES.stepReading,
  computing: PANE_MESSAGES.stepComputing,
  writing: PANE_MESSAGES.stepWriting,
};

/**
 * Resolves once the browser has had a chance to paint (a frame, or 50 ms where frames are paused, as in a
 * hidden pane), so a step's label shows before the synchronous work that follows it.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      );
    }
  });
}

/**
 * Runs an action, keeping its state; a failure becomes the sentence the user reads, never a silent log.
 * `run` hands the work a progress callback that shows each step; once a run ends, `resultRef`'s element
 * (the result or the failure) takes the focus, so keyboard and screen-reader users land on what happened.
 */
export function useAction<T>(locale: Locale): {
  state: ActionState<T>;
  run: (work: (onStep: WorkStepCallback) => Promise<T>) => Promise<void>;
  show: (value: T) => void;
  fail: (error: unknown) => void;
  resultRef: React.RefObject<HTMLDivElement>;
} {
  const [state, setState] = React.useState<ActionState<T>>({ kind: "idle" });
  const [settled, setSettled] = React.useState(0);
  const resultRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (settled > 0) resultRef.current?.focus();
  }, [settled]);
  const fail = (error: unknown) =>
    setState({
      kind: "failed",
      message: errorText(error, locale),
      ...(error instanceof UseCaseError ? { code: error.code } : {}),
    });
  const onStep: WorkStepCallback = async (step) => {
    setState({ kind: "working", step });
    await nextPaint();
  };
  const run = async (work: (onStep: WorkStepCallback) => Promise<T>) => {
    setState({ kind: "working" });
    try {
      setState({ kind: "done", value: await work(onStep) });
    } catch (error) {
      fail(error);
    }
    setSettled((n) => n + 1);
  };
  return { state, run, show: (value) => setState({ kind: "done", value }), fail, resultRef };
}

/** The step being worked on, as the pane says it: "Reading the workbook… (step 1 of 3)". */
export function workStepText(locale: Locale, step: WorkStep | undefined): string {
  if (!step) return localize(PANE_MESSAGES.working, locale);
  return localize(PANE_MESSAGES.stepOfSteps, locale, { label: STEP_TEXT[step.step], index: step.index, total: step.total });
}

/** The labelled spinner while an action runs (which step it is at) and the error bar when it failed. */
export function ActionProgress<T>({
  state,
  locale,
  resultRef,
}: {
  readonly state: ActionState<T>;
  readonly locale: Locale;
  /** The card's `useAction().resultRef`: a failure takes the focus when the run ends. */
  readonly resultRef?: React.Ref<HTMLDivElement>;
}): React.JSX.Element | null {
  if (state.kind === "working") {
    return (
      <div role="status" aria-live="polite">
        <Spinner size="tiny" label={workStepText(locale, state.step)} />
      </div>
    );
  }
  if (state.kind === "failed") {
    return (
      <div ref={resultRef} tabIndex={-1}>
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return null;
}

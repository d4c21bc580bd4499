import * as React from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import { errorText } from "./error-text";

/** Where one button's action is: not run, running, its result, or one readable sentence of failure. */
export type ActionState<T> =
  { kind: "idle" } | { kind: "working" } | { kind: "done"; value: T } | { kind: "failed"; message: string };

/** Runs an action, keeping its state; a failure becomes the sentence the user reads, never a silent log. */
export function useAction<T>(locale: Locale): {
  state: ActionState<T>;
  run: (work: () => Promise<T>) => Promise<void>;
  show: (value: T) => void;
  fail: (error: unknown) => void;
} {
  const [state, setState] = React.useState<ActionState<T>>({ kind: "idle" });
  const fail = (error: unknown) => setState({ kind: "failed", message: errorText(error, locale) });
  const run = async (work: () => Promise<T>) => {
    setState({ kind: "working" });
    try {
      setState({ kind: "done", value: await work() });
    } catch (error) {
      fail(error);
    }
  };
  return { state, run, show: (value) => setState({ kind: "done", value }), fail };
}

/** The spinner while an action runs and the error bar when it failed. */
export function ActionProgress<T>({
  state,
  locale,
}: {
  readonly state: ActionState<T>;
  readonly locale: Locale;
}): React.JSX.Element | null {
  if (state.kind === "working") return <Spinner size="tiny" label={t(locale, "working")} />;
  if (state.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

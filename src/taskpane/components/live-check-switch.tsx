import * as React from "react";
import { MessageBar, MessageBarBody, Switch } from "@fluentui/react-components";
import type { LiveValidation } from "../../app/live-validation";
import { UseCaseError } from "../../app/use-case-error";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { Finding } from "../../core/validate/finding";
import type { TaskpaneActions } from "../taskpane-actions";

export interface LiveCheckSwitchProps {
  readonly locale: Locale;
  readonly start: NonNullable<TaskpaneActions["startLiveValidation"]>;
  readonly onFindings: (findings: readonly Finding[]) => void;
  /** Starting or stopping failed: the pane's one-sentence failure. */
  readonly onError: (error: unknown) => void;
}

function errorDetail(error: unknown, locale: Locale): string {
  if (error instanceof UseCaseError) return error.text[locale];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The "check as I type" switch. A check that fails while reps type turns the switch off and says so in
 * one sentence, so the pane never goes on showing findings that are no longer kept up to date.
 */
export function LiveCheckSwitch({ locale, start, onFindings, onError }: LiveCheckSwitchProps): React.JSX.Element {
  const live = React.useRef<LiveValidation | undefined>(undefined);
  /** Bumped by every switch: a start that resolves after the switch moved again is stopped at once. */
  const turn = React.useRef(0);
  const [on, setOn] = React.useState(false);
  const [stopped, setStopped] = React.useState<string | undefined>(undefined);

  React.useEffect(
    () => () => {
      void live.current?.stop();
    },
    [],
  );

  const halt = async () => {
    const current = live.current;
    live.current = undefined;
    await current?.stop();
  };

  const onChange = async (checked: boolean) => {
    const mine = ++turn.current;
    setOn(checked);
    setStopped(undefined);
    try {
      await halt();
      if (!checked) return;
      const started = await start(locale, onFindings);
      if (mine !== turn.current) {
        await started.stop();
        return;
      }
      live.current = started;
      started.onError((error) => {
        if (live.current !== started) return;
        turn.current++;
        setOn(false);
        setStopped(localize(PANE_MESSAGES.liveCheckStopped, locale, { detail: errorDetail(error, locale) }));
        halt().catch(onError);
      });
    } catch (error) {
      if (mine === turn.current) setOn(false);
      onError(error);
    }
  };

  return (
    <>
      <Switch
        checked={on}
        onChange={(_e, data) => void onChange(data.checked)}
        label={localize(PANE_MESSAGES.liveCheck, locale)}
      />
      {stopped && (
        <MessageBar intent="error">
          <MessageBarBody>{stopped}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

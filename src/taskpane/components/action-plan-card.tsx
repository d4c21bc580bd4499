import * as React from "react";
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ACTION_MESSAGES } from "../i18n/action-messages";
import { localize, type Locale } from "../../core/i18n/locale";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What a card of the action plan or the monthly review shows once its button has run. */
export interface Outcome {
  readonly headline: string;
  readonly lines: string[];
  readonly listTitle: string;
  readonly list: string[];
}

export interface ActionPlanCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/** Step 3 of the playbook: the action plan from the TOP 3 and the latest review's improvements. */
export function ActionPlanCard({ locale, actions }: ActionPlanCardProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run } = useAction<Outcome>(locale);
  const onFill = () =>
    run(async () => {
      const r = await actions.fillActionPlan(locale);
      return {
        headline: localize(ACTION_MESSAGES.actionPlanDone, locale, {
          sheet: r.sheet,
          count: r.added.length,
          kept: r.alreadyPlanned,
        }),
        lines:
          r.baselinesFilled.length > 0
            ? [
                localize(ACTION_MESSAGES.baselinesFilled, locale, {
                  rows: r.baselinesFilled.join(localize(ACTION_MESSAGES.listSeparator, locale)),
                }),
              ]
            : [],
        listTitle: localize(ACTION_MESSAGES.strategiesAdded, locale),
        list: r.added.map((a) => a.strategy),
      };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(ACTION_MESSAGES.actionPlanTitle, locale)}</Text>} />
      <Text size={200}>{localize(ACTION_MESSAGES.actionPlanHint, locale)}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onFill} disabled={state.kind === "working"}>
          {localize(ACTION_MESSAGES.fillActionPlanButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {state.kind === "done" && <OutcomeView outcome={state.value} />}
    </Card>
  );
}

/** The headline, the lines under it and the list of what was added or found. */
export function OutcomeView({ outcome }: { readonly outcome: Outcome }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="success">
        <MessageBarBody>{outcome.headline}</MessageBarBody>
      </MessageBar>
      {outcome.lines.map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
      {outcome.list.length > 0 && (
        <>
          <Text weight="semibold">{outcome.listTitle}</Text>
          <ul className={styles.list} aria-label={outcome.listTitle}>
            {outcome.list.map((item) => (
              <li key={item}>
                <Text size={200}>{item}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

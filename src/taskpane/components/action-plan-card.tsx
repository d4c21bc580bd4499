import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseMonthRange } from "../../core/analysis/reading/period";
import { ACTION_MESSAGES } from "../i18n/action-messages";
import { formatPercent } from "../../core/i18n/format";
import { localize, type Locale } from "../../core/i18n/locale";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Outcome {
  readonly headline: string;
  readonly lines: string[];
  readonly listTitle: string;
  readonly list: string[];
}

export interface ActionPlanCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/** Steps 3 to 5 of the playbook: the action plan from the TOP 3, and the monthly review from the data. */
export function ActionPlanCard({ locale, actions }: ActionPlanCardProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run } = useAction<Outcome>(locale);
  const [monthText, setMonthText] = React.useState("");
  const range = monthText.trim() === "" ? undefined : parseMonthRange(monthText);
  const monthBad = monthText.trim() !== "" && (range === undefined || range.from !== undefined);

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

  const onReview = () =>
    run(async () => {
      const r = await actions.prefillMonthlyReview(locale, range?.to);
      const p = r.prefill;
      const lines = [
        p.team.rate !== null
          ? localize(ACTION_MESSAGES.teamAchievement, locale, { rate: formatPercent(p.team.rate) })
          : localize(ACTION_MESSAGES.noTarget, locale),
        ...(p.sop.length > 0
          ? [
              localize(ACTION_MESSAGES.sopCandidates, locale, {
                strategies: p.sop.join(localize(ACTION_MESSAGES.listSeparator, locale)),
              }),
            ]
          : []),
        ...(r.kept.length > 0
          ? [
              localize(ACTION_MESSAGES.monthlyKept, locale, {
                columns: r.kept.join(localize(ACTION_MESSAGES.listSeparator, locale)),
              }),
            ]
          : []),
      ];
      return {
        headline: localize(ACTION_MESSAGES.monthlyDone, locale, { sheet: r.sheet, row: r.row, month: p.month }),
        lines,
        listTitle: localize(ACTION_MESSAGES.strategyEffects, locale),
        list: p.strategies.map((s) => s.sentence[locale]),
      };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(ACTION_MESSAGES.actionPlanTitle, locale)}</Text>} />
      <Text size={200}>{localize(ACTION_MESSAGES.actionPlanHint, locale)}</Text>
      <Field
        label={localize(ACTION_MESSAGES.monthLabel, locale)}
        hint={monthBad ? undefined : localize(ACTION_MESSAGES.monthHint, locale)}
        validationMessage={monthBad ? localize(ACTION_MESSAGES.monthBad, locale, { value: monthText }) : undefined}
      >
        <Input value={monthText} placeholder="2026-11" onChange={(_e, d) => setMonthText(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button onClick={onFill} disabled={state.kind === "working"}>
          {localize(ACTION_MESSAGES.fillActionPlanButton, locale)}
        </Button>
        <Button onClick={onReview} disabled={state.kind === "working" || monthBad}>
          {localize(ACTION_MESSAGES.monthlyReviewButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {state.kind === "done" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{state.value.headline}</MessageBarBody>
          </MessageBar>
          {state.value.lines.map((line) => (
            <Text key={line} size={200}>
              {line}
            </Text>
          ))}
          {state.value.list.length > 0 && (
            <>
              <Text weight="semibold">{state.value.listTitle}</Text>
              <ul className={styles.list} aria-label={state.value.listTitle}>
                {state.value.list.map((item) => (
                  <li key={item}>
                    <Text size={200}>{item}</Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}

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
import { parseMonthRange } from "../../core/analysis/period";
import { ta } from "../../core/i18n/action-messages";
import { formatPercent } from "../../core/i18n/format";
import type { Locale } from "../../core/i18n/locale";
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
        headline: ta(locale, "actionPlanDone", { sheet: r.sheet, count: r.added.length, kept: r.alreadyPlanned }),
        lines:
          r.baselinesFilled.length > 0
            ? [ta(locale, "baselinesFilled", { rows: r.baselinesFilled.join(ta(locale, "listSeparator")) })]
            : [],
        listTitle: ta(locale, "strategiesAdded"),
        list: r.added.map((a) => a.strategy),
      };
    });

  const onReview = () =>
    run(async () => {
      const r = await actions.prefillMonthlyReview(locale, range?.to);
      const p = r.prefill;
      const lines = [
        p.team.rate !== null ? ta(locale, "teamAchievement", { rate: formatPercent(p.team.rate) }) : ta(locale, "noTarget"),
        ...(p.sop.length > 0 ? [ta(locale, "sopCandidates", { strategies: p.sop.join(ta(locale, "listSeparator")) })] : []),
        ...(r.kept.length > 0 ? [ta(locale, "monthlyKept", { columns: r.kept.join(ta(locale, "listSeparator")) })] : []),
      ];
      return {
        headline: ta(locale, "monthlyDone", { sheet: r.sheet, row: r.row, month: p.month }),
        lines,
        listTitle: ta(locale, "strategyEffects"),
        list: p.strategies.map((s) => s.sentence[locale]),
      };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{ta(locale, "actionPlanTitle")}</Text>} />
      <Text size={200}>{ta(locale, "actionPlanHint")}</Text>
      <Field
        label={ta(locale, "monthLabel")}
        hint={monthBad ? undefined : ta(locale, "monthHint")}
        validationMessage={monthBad ? ta(locale, "monthBad", { value: monthText }) : undefined}
      >
        <Input value={monthText} placeholder="2026-11" onChange={(_e, d) => setMonthText(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button onClick={onFill} disabled={state.kind === "working"}>
          {ta(locale, "fillActionPlanButton")}
        </Button>
        <Button onClick={onReview} disabled={state.kind === "working" || monthBad}>
          {ta(locale, "monthlyReviewButton")}
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

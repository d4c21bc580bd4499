import * as React from "react";
import { Button, Card, CardHeader, Field, Input, Text } from "@fluentui/react-components";
import { parseMonthRange } from "../../core/analysis/reading/period";
import { ACTION_MESSAGES } from "../i18n/action-messages";
import { formatPercent } from "../../core/i18n/format";
import { localize, type Locale } from "../../core/i18n/locale";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";
import { OutcomeView, type Outcome } from "./action-plan-card";

export interface MonthlyReviewCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/** Step 5 of the playbook: the monthly review pre-filled from the data (achievement, strategies' effects, SOP candidates). */
export function MonthlyReviewCard({ locale, actions }: MonthlyReviewCardProps): React.JSX.Element {
  const { state, run } = useAction<Outcome>(locale);
  const [monthText, setMonthText] = React.useState("");
  const range = monthText.trim() === "" ? undefined : parseMonthRange(monthText);
  const monthBad = monthText.trim() !== "" && (range === undefined || range.from !== undefined);

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
      <CardHeader header={<Text weight="semibold">{localize(ACTION_MESSAGES.monthlyReviewTitle, locale)}</Text>} />
      <Text size={200}>{localize(ACTION_MESSAGES.monthlyReviewHint, locale)}</Text>
      <Field
        label={localize(ACTION_MESSAGES.monthLabel, locale)}
        hint={monthBad ? undefined : localize(ACTION_MESSAGES.monthHint, locale)}
        validationMessage={monthBad ? localize(ACTION_MESSAGES.monthBad, locale, { value: monthText }) : undefined}
      >
        <Input value={monthText} placeholder="2026-11" onChange={(_e, d) => setMonthText(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" onClick={onReview} disabled={state.kind === "working" || monthBad}>
          {localize(ACTION_MESSAGES.monthlyReviewButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {state.kind === "done" && <OutcomeView outcome={state.value} />}
    </Card>
  );
}

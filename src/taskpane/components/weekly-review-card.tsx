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
import { badWeek, type WeeklyReviewResult } from "../../app/weekly-review";
import { isoToSerial } from "../../core/cell/excel-date";
import { MESSAGES } from "../../core/i18n/messages";
import { localize, type Locale } from "../../core/i18n/locale";
import { WEEKLY_REVIEW_MESSAGES } from "../i18n/weekly-review-messages";
import { reviewSentences } from "../../core/weekly-review/review-sheet";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The Friday weekly review (周复盘): loaded as its own chunk on first use. */
export function WeeklyReviewCard({
  locale,
  actions,
}: {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}): React.JSX.Element {
  const styles = useStyles();
  const [week, setWeek] = React.useState("");
  const { state, run, fail } = useAction<WeeklyReviewResult>(locale);
  const onReview = () => {
    const typed = week.trim();
    const day = typed === "" ? undefined : isoToSerial(typed);
    if (typed !== "" && day === undefined) {
      fail(badWeek(typed));
      return;
    }
    void run(() => actions.weeklyReview(locale, day));
  };
  const result = state.kind === "done" ? state.value : undefined;
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(WEEKLY_REVIEW_MESSAGES.title, locale)}</Text>} />
      <Text size={200}>{localize(WEEKLY_REVIEW_MESSAGES.hint, locale)}</Text>
      <div className={styles.row}>
        <Field label={localize(WEEKLY_REVIEW_MESSAGES.week, locale)} hint={localize(WEEKLY_REVIEW_MESSAGES.weekHint, locale)}>
          <Input value={week} onChange={(_e, data) => setWeek(data.value)} placeholder="2026-11-23" />
        </Field>
        <Button onClick={onReview} disabled={state.kind === "working"}>
          {localize(WEEKLY_REVIEW_MESSAGES.button, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {result && (
        <>
          {result.sheet && (
            <MessageBar intent="success">
              <MessageBarBody>
                {localize(WEEKLY_REVIEW_MESSAGES.written, locale, { sheet: result.sheet, count: result.highlighted })}
              </MessageBarBody>
            </MessageBar>
          )}
          {result.notice && <Text size={200}>{result.notice[locale]}</Text>}
          {(result.protectedSheets ?? []).map((sheet) => (
            <Text key={sheet} size={200}>
              {localize(MESSAGES.marksSkippedProtected, locale, { sheet })}
            </Text>
          ))}
          <ul className={styles.list}>
            {reviewSentences(result.review, locale).map((sentence) => (
              <li key={sentence}>
                <Text size={200}>{sentence}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

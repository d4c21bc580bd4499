import * as React from "react";
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TrackProgressResult } from "../../app/track-progress";
import { localize, type Locale } from "../../core/i18n/locale";
import { PROGRESS_MESSAGES } from "../i18n/progress-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  behind: { color: tokens.colorPaletteRedForeground1 },
});

/** The target sheet's progress: one block per rep target, its target and KRs with their pacing sentences. */
export function ProgressCard({
  locale,
  actions,
}: {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}): React.JSX.Element {
  const styles = useStyles();
  const { state, run } = useAction<TrackProgressResult>(locale);
  const result = state.kind === "done" ? state.value : undefined;

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(PROGRESS_MESSAGES.progressTitle, locale)}</Text>} />
      <Text size={200}>{localize(PROGRESS_MESSAGES.progressHint, locale)}</Text>
      <div>
        <Button onClick={() => run(() => actions.trackProgress(locale))} disabled={state.kind === "working"}>
          {localize(PROGRESS_MESSAGES.progressButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {result && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              {localize(PROGRESS_MESSAGES.progressDone, locale, {
                sheet: result.sheet,
                rows: result.written,
                data: result.dealSheet,
                today: result.today,
              })}
            </MessageBarBody>
          </MessageBar>
          {result.typed.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {localize(PROGRESS_MESSAGES.progressTyped, locale, { rows: result.typed.join(", ") })}
              </MessageBarBody>
            </MessageBar>
          )}
          {result.rows.map((row) => (
            <section key={row.sheetRow} aria-label={row.owner}>
              <Text weight="semibold" size={200}>
                {localize(PROGRESS_MESSAGES.progressOwner, locale, {
                  owner: row.owner,
                  from: row.period.from,
                  to: row.period.to,
                })}
              </Text>
              <ul className={styles.list}>
                {[row.target, ...row.keyResults].map((m) => (
                  <li key={m.index}>
                    <Text size={200} className={m.status === "behind" || m.status === "missed" ? styles.behind : undefined}>
                      {m.index === 0
                        ? localize(PROGRESS_MESSAGES.progressTarget, locale, { text: m.text, sentence: m.sentence[locale] })
                        : localize(PROGRESS_MESSAGES.progressKr, locale, {
                            index: m.index,
                            text: m.text,
                            sentence: m.sentence[locale],
                          })}
                    </Text>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Card>
  );
}

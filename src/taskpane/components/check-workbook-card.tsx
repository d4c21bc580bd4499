import * as React from "react";
import { Button, Card, CardHeader, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import { MESSAGES } from "../../core/i18n/messages";
import { formatPercent } from "../../core/i18n/format";
import { countBySeverity, type Finding } from "../../core/validate/finding";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";
import { FindingsList } from "./findings-list";
import { LiveCheckSwitch } from "./live-check-switch";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Outcome {
  readonly findings: readonly Finding[];
  readonly sheets: number;
  readonly note?: string;
}

/** The note, then one sentence for each protected sheet left as it was. */
function withProtected(note: string, sheets: readonly string[], locale: Locale): string {
  return [note, ...sheets.map((sheet) => localize(MESSAGES.marksSkippedProtected, locale, { sheet }))].join(" · ");
}

export interface CheckWorkbookCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function CheckWorkbookCard({ locale, actions }: CheckWorkbookCardProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run, show, fail, resultRef } = useAction<Outcome>(locale);
  const busy = state.kind === "working";

  const onCheck = () =>
    run(async (onStep) => {
      const r = await actions.validateWorkbook(onStep);
      return { findings: r.findings, sheets: r.sheets.length };
    });
  const onMark = () =>
    run(async (onStep) => {
      const r = await actions.markFindings(locale, onStep);
      const note = actions.capabilities.marks
        ? localize(PANE_MESSAGES.marked, locale, { count: r.marked })
        : localize(PANE_MESSAGES.noMarksHere, locale);
      return { findings: r.findings, sheets: r.sheets.length, note: withProtected(note, r.protectedSheets, locale) };
    });
  const onApply = (finding: Finding) =>
    run(async (onStep) => {
      await actions.applySafeFix(finding);
      const r = await actions.validateWorkbook(onStep);
      const was = finding.replacement?.was;
      const note = localize(PANE_MESSAGES.fixApplied, locale, {
        cell: `${finding.sheet}!${finding.cell}`,
        was: typeof was === "number" ? formatPercent(was) : String(was ?? ""),
        fix: finding.fix?.[locale] ?? "",
      });
      return { findings: r.findings, sheets: r.sheets.length, note };
    });
  const onClear = () =>
    run(async () => {
      const r = await actions.clearMarks();
      const note = localize(PANE_MESSAGES.marksCleared, locale, { count: r.removed });
      return { findings: [], sheets: 1, note: withProtected(note, r.protectedSheets, locale) };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(PANE_MESSAGES.checkTitle, locale)}</Text>} />
      <Text size={200}>{localize(PANE_MESSAGES.checkHint, locale)}</Text>
      <div className={styles.buttons}>
        <Button appearance="secondary" onClick={onCheck} disabled={busy}>
          {localize(PANE_MESSAGES.checkButton, locale)}
        </Button>
        {actions.capabilities.marks && (
          <Button onClick={onMark} disabled={busy}>
            {localize(PANE_MESSAGES.markButton, locale)}
          </Button>
        )}
        {actions.capabilities.marks && (
          <Button appearance="subtle" onClick={onClear} disabled={busy}>
            {localize(PANE_MESSAGES.clearMarksButton, locale)}
          </Button>
        )}
      </div>
      {actions.startLiveValidation && (
        <LiveCheckSwitch
          locale={locale}
          start={actions.startLiveValidation}
          onFindings={(findings) => show({ findings, sheets: 1 })}
          onError={fail}
        />
      )}
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div className={styles.result} ref={resultRef} tabIndex={-1}>
          {state.value.note && <Text size={200}>{state.value.note}</Text>}
          <CheckResult
            locale={locale}
            findings={state.value.findings}
            sheets={state.value.sheets}
            select={actions.select}
            apply={onApply}
            onError={fail}
          />
        </div>
      )}
    </Card>
  );
}

function CheckResult(props: {
  readonly locale: Locale;
  readonly findings: readonly Finding[];
  readonly sheets: number;
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  readonly apply?: (finding: Finding) => void;
  readonly onError: (error: unknown) => void;
}): React.JSX.Element {
  const { locale, findings, sheets, select, apply, onError } = props;
  if (sheets === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{localize(MESSAGES.checkNoSheets, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (findings.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{localize(PANE_MESSAGES.checkAllGood, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Text>{localize(PANE_MESSAGES.checkSummary, locale, countBySeverity(findings))}</Text>
      <FindingsList locale={locale} findings={findings} select={select} apply={apply} onError={onError} />
    </>
  );
}

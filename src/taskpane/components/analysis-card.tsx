import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  Spinner,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseMonthRange } from "../../core/analysis/reading/period";
import type { Priority } from "../../core/analysis/diagnosis/problems";
import { localize, type Bilingual, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import { SETTINGS_MESSAGES } from "../i18n/settings-messages";
import { MESSAGES } from "../../core/i18n/messages";
import { formatPercent } from "../../core/i18n/format";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";
import type { DiagnosisChartsProps } from "./diagnosis-charts";

// Opened when a column is needed, or asked for: its own chunk.
const ColumnMappingPanel = React.lazy(async () => ({
  default: (await import("./column-mapping-panel")).ColumnMappingPanel,
}));
const StatusMappingPanel = React.lazy(async () => ({
  default: (await import("./status-mapping-panel")).StatusMappingPanel,
}));
// The diagnosis's small charts, shown once a diagnosis has run: their own chunk.
const DiagnosisCharts = React.lazy(async () => ({ default: (await import("./diagnosis-charts")).DiagnosisCharts }));

const PRIORITY_TEXT: Readonly<Record<Priority, Bilingual>> = {
  high: PANE_MESSAGES.priorityHigh,
  medium: PANE_MESSAGES.priorityMedium,
  low: PANE_MESSAGES.priorityLow,
};

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  open: { alignSelf: "flex-start" },
});

interface Outcome {
  readonly headline: string;
  readonly problems: string[];
  readonly notes: { readonly text: string; readonly info: boolean }[];
  readonly missing?: string;
  /** The sheet written, for the button that opens it. */
  readonly sheet?: string;
  /** A column the analysis needs was not found: the mapping panel opens. */
  readonly unsure?: boolean;
  /** The diagnosis's charts' data (the revenue change by driver, the trend). */
  readonly charts?: Omit<DiagnosisChartsProps, "locale">;
}

export interface AnalysisCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function AnalysisCard({ locale, actions }: AnalysisCardProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run, fail, resultRef } = useAction<Outcome>(locale);
  const [periodText, setPeriodText] = React.useState("");
  const period = periodText.trim() === "" ? undefined : parseMonthRange(periodText);
  const periodBad = periodText.trim() !== "" && period === undefined;
  const [mapping, setMapping] = React.useState(false);
  // No deal sheet, or none with usable rows: the columns may just be named unusually.
  const unsure =
    (state.kind === "failed" && (state.code === "noDealSheet" || state.code === "noUsableDeals")) ||
    (state.kind === "done" && state.value.unsure === true);
  const showMapping = mapping || unsure;

  const onDiagnose = () =>
    run(async (onStep) => {
      const r = await actions.diagnose(locale, period, onStep);
      return {
        headline: localize(PANE_MESSAGES.diagnosisDone, locale, { sheet: r.reportSheet ?? "", data: r.dealSheet }),
        problems: r.diagnosis.issues.map((p) =>
          localize(p.shareOf === "hiddenLosses" ? PANE_MESSAGES.problemLineHidden : PANE_MESSAGES.problemLine, locale, {
            priority: PRIORITY_TEXT[p.priority],
            summary: p.summary[locale],
            evidence: p.evidence[locale],
            share: formatPercent(p.share),
          }),
        ),
        notes: [
          ...r.diagnosis.notes.map((n) => ({ text: n.text[locale], info: n.info === true })),
          ...r.diagnosis.dataQuality.notes.map((n) => ({ text: n[locale], info: false })),
        ],
        sheet: r.reportSheet,
        charts: {
          attribution: r.diagnosis.longitudinal?.attribution ?? null,
          current: r.diagnosis.longitudinal?.current ?? null,
          trend: r.diagnosis.trend,
        },
      };
    });

  const onCustomers = () =>
    run(async (onStep) => {
      const r = await actions.fillCustomerAnalysis(locale, period, onStep);
      return {
        headline: localize(PANE_MESSAGES.customersDone, locale, {
          sheet: r.sheet,
          data: r.dealSheet,
          types: r.contribution.segments.length,
        }),
        problems: [],
        notes: r.notes.map((n) => ({ text: n.text[locale], info: n.info === true })),
        missing: localize(MESSAGES.monthsCovered, locale, r.period),
        sheet: r.sheet,
        unsure: r.missing.includes("customer") || r.missing.includes("customerType"),
      };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(PANE_MESSAGES.analysisTitle, locale)}</Text>} />
      <Text size={200}>{localize(PANE_MESSAGES.analysisHint, locale)}</Text>
      <Field
        label={localize(PANE_MESSAGES.periodLabel, locale)}
        hint={periodBad ? undefined : localize(PANE_MESSAGES.periodHint, locale)}
        validationMessage={periodBad ? localize(PANE_MESSAGES.periodBad, locale, { value: periodText }) : undefined}
      >
        <Input value={periodText} placeholder="2026-09..2026-11" onChange={(_e, d) => setPeriodText(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onDiagnose} disabled={state.kind === "working" || periodBad}>
          {localize(PANE_MESSAGES.diagnoseButton, locale)}
        </Button>
        <Button onClick={onCustomers} disabled={state.kind === "working" || periodBad}>
          {localize(PANE_MESSAGES.customersButton, locale)}
        </Button>
        {!unsure && (
          <Button appearance="subtle" aria-expanded={showMapping} onClick={() => setMapping((m) => !m)}>
            {localize(SETTINGS_MESSAGES.columnsButton, locale)}
          </Button>
        )}
      </div>
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div className={styles.result} ref={resultRef} tabIndex={-1} aria-label={state.value.headline}>
          <MessageBar intent="success">
            <MessageBarBody>{state.value.headline}</MessageBarBody>
          </MessageBar>
          {state.value.sheet && actions.select && (
            <Button className={styles.open} onClick={() => void actions.select!(state.value.sheet!, "A1").catch(fail)}>
              {localize(PANE_MESSAGES.openSheet, locale, { sheet: state.value.sheet })}
            </Button>
          )}
          {state.value.missing && <Text size={200}>{state.value.missing}</Text>}
          {state.value.problems.length > 0 && (
            <>
              <Text weight="semibold">{localize(PANE_MESSAGES.topProblems, locale)}</Text>
              <ol className={styles.list}>
                {state.value.problems.map((p) => (
                  <li key={p}>
                    <Text size={200}>{p}</Text>
                  </li>
                ))}
              </ol>
            </>
          )}
          {state.value.charts && (
            <React.Suspense fallback={null}>
              <DiagnosisCharts locale={locale} {...state.value.charts} />
            </React.Suspense>
          )}
          {state.value.notes.map((n) => (
            <MessageBar key={n.text} intent={n.info ? "info" : "warning"}>
              <MessageBarBody>{n.text}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      {unsure && (
        <Text size={200} role="note">
          {localize(SETTINGS_MESSAGES.columnsUnsure, locale)}
        </Text>
      )}
      {showMapping && (
        <React.Suspense fallback={<Spinner size="tiny" label={localize(PANE_MESSAGES.working, locale)} />}>
          <ColumnMappingPanel locale={locale} actions={actions} />
          <StatusMappingPanel locale={locale} actions={actions} />
        </React.Suspense>
      )}
    </Card>
  );
}

import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { errorText } from "./error-text";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "done"; headline: string; problems: string[]; notes: string[]; missing?: string }
  | { kind: "failed"; message: string };

export interface AnalysisCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function AnalysisCard({ locale, actions }: AnalysisCardProps): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  const run = async (work: () => Promise<Omit<Extract<Status, { kind: "done" }>, "kind">>) => {
    setStatus({ kind: "working" });
    try {
      setStatus({ kind: "done", ...(await work()) });
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };

  const onDiagnose = () =>
    run(async () => {
      const r = await actions.diagnose(locale);
      return {
        headline: t(locale, "diagnosisDone", { sheet: r.reportSheet ?? "", data: r.dealSheet }),
        problems: r.diagnosis.issues.map((p) => `${p.summary[locale]}: ${p.evidence[locale]}`),
        notes: r.diagnosis.dataQuality.notes.map((n) => n[locale]),
      };
    });

  const onCustomers = () =>
    run(async () => {
      const r = await actions.fillCustomerAnalysis(locale);
      return {
        headline: t(locale, "customersDone", { sheet: r.sheet, data: r.dealSheet, types: r.contribution.segments.length }),
        problems: [],
        notes: [],
        missing: r.missing.length > 0 ? t(locale, "missingColumns", { columns: r.missing.join(", ") }) : undefined,
      };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "analysisTitle")}</Text>} />
      <Text size={200}>{t(locale, "analysisHint")}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onDiagnose} disabled={status.kind === "working"}>
          {t(locale, "diagnoseButton")}
        </Button>
        <Button onClick={onCustomers} disabled={status.kind === "working"}>
          {t(locale, "customersButton")}
        </Button>
      </div>
      {status.kind === "working" && <Spinner size="tiny" label={t(locale, "working")} />}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{status.headline}</MessageBarBody>
          </MessageBar>
          {status.missing && <Text size={200}>{status.missing}</Text>}
          {status.problems.length > 0 && (
            <>
              <Text weight="semibold">{t(locale, "topProblems")}</Text>
              <ol className={styles.list}>
                {status.problems.map((p) => (
                  <li key={p}>
                    <Text size={200}>{p}</Text>
                  </li>
                ))}
              </ol>
            </>
          )}
          {status.notes.map((n) => (
            <MessageBar key={n} intent="warning">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
        </>
      )}
    </Card>
  );
}

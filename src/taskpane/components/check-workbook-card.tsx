import * as React from "react";
import {
  Badge,
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
import type { ValidateWorkbookResult } from "../../app/validate-workbook";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import type { Severity } from "../../core/validate/finding";
import type { TaskpaneActions } from "../taskpane-actions";
import { errorText } from "./error-text";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  where: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

type Status =
  { kind: "idle" } | { kind: "working" } | { kind: "done"; result: ValidateWorkbookResult } | { kind: "failed"; message: string };

export interface CheckWorkbookCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function CheckWorkbookCard({ locale, actions }: CheckWorkbookCardProps): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  const onCheck = async () => {
    setStatus({ kind: "working" });
    try {
      setStatus({ kind: "done", result: await actions.validateWorkbook() });
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "checkTitle")}</Text>} />
      <Text size={200}>{t(locale, "checkHint")}</Text>
      <Button appearance="secondary" onClick={onCheck} disabled={status.kind === "working"}>
        {t(locale, "checkButton")}
      </Button>
      {status.kind === "working" && <Spinner size="tiny" label={t(locale, "working")} />}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && (
        <CheckResult
          locale={locale}
          result={status.result}
          listClass={styles.list}
          itemClass={styles.item}
          whereClass={styles.where}
        />
      )}
    </Card>
  );
}

interface CheckResultProps {
  readonly locale: Locale;
  readonly result: ValidateWorkbookResult;
  readonly listClass: string;
  readonly itemClass: string;
  readonly whereClass: string;
}

function CheckResult({ locale, result, listClass, itemClass, whereClass }: CheckResultProps): React.JSX.Element {
  if (result.sheets.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(locale, "checkNoSheets")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (result.findings.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t(locale, "checkAllGood")}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Text>{t(locale, "checkSummary", result.counts)}</Text>
      <ul className={listClass}>
        {result.findings.map((f, i) => (
          <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`} className={itemClass}>
            <span className={whereClass}>
              <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                {`${f.sheet}!${f.cell}`}
              </Badge>
            </span>
            <Text size={200}>{f.message[locale]}</Text>
            {f.fix && (
              <Text size={200} italic>
                {t(locale, "suggestedFix", { fix: f.fix[locale] })}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

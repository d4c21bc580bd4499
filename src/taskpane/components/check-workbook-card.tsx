import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LiveValidation } from "../../app/live-validation";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import { countBySeverity, type Finding } from "../../core/validate/finding";
import type { TaskpaneActions } from "../taskpane-actions";
import { errorText } from "./error-text";
import { FindingsList } from "./findings-list";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "done"; findings: readonly Finding[]; sheets: number; note?: string }
  | { kind: "failed"; message: string };

export interface CheckWorkbookCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function CheckWorkbookCard({ locale, actions }: CheckWorkbookCardProps): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const live = React.useRef<LiveValidation | undefined>(undefined);
  const [liveOn, setLiveOn] = React.useState(false);

  React.useEffect(
    () => () => {
      void live.current?.stop();
    },
    [],
  );

  const run = async (work: () => Promise<Status>) => {
    setStatus({ kind: "working" });
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };

  const onCheck = () =>
    run(async () => {
      const r = await actions.validateWorkbook();
      return { kind: "done", findings: r.findings, sheets: r.sheets.length };
    });
  const onMark = () =>
    run(async () => {
      const r = await actions.markFindings(locale);
      const note = actions.capabilities.marks ? t(locale, "marked", { count: r.marked }) : t(locale, "noMarksHere");
      return { kind: "done", findings: r.findings, sheets: r.sheets.length, note };
    });
  const onClear = () =>
    run(async () => {
      const r = await actions.clearMarks();
      return { kind: "done", findings: [], sheets: 1, note: t(locale, "marksCleared", { count: r.removed }) };
    });
  const onLive = async (on: boolean) => {
    setLiveOn(on);
    if (!on) {
      await live.current?.stop();
      live.current = undefined;
      return;
    }
    try {
      live.current = await actions.startLiveValidation!(locale, (findings) => setStatus({ kind: "done", findings, sheets: 1 }));
    } catch (error) {
      setLiveOn(false);
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "checkTitle")}</Text>} />
      <Text size={200}>{t(locale, "checkHint")}</Text>
      <div className={styles.buttons}>
        <Button appearance="secondary" onClick={onCheck} disabled={status.kind === "working"}>
          {t(locale, "checkButton")}
        </Button>
        {actions.capabilities.marks && (
          <Button onClick={onMark} disabled={status.kind === "working"}>
            {t(locale, "markButton")}
          </Button>
        )}
        {actions.capabilities.marks && (
          <Button appearance="subtle" onClick={onClear} disabled={status.kind === "working"}>
            {t(locale, "clearMarksButton")}
          </Button>
        )}
      </div>
      {actions.startLiveValidation && (
        <Switch checked={liveOn} onChange={(_e, data) => void onLive(data.checked)} label={t(locale, "liveCheck")} />
      )}
      {status.kind === "working" && <Spinner size="tiny" label={t(locale, "working")} />}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && status.note && <Text size={200}>{status.note}</Text>}
      {status.kind === "done" && (
        <CheckResult
          locale={locale}
          findings={status.findings}
          sheets={status.sheets}
          select={actions.select}
          onError={(error) => setStatus({ kind: "failed", message: errorText(error, locale) })}
        />
      )}
    </Card>
  );
}

function CheckResult(props: {
  readonly locale: Locale;
  readonly findings: readonly Finding[];
  readonly sheets: number;
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  readonly onError: (error: unknown) => void;
}): React.JSX.Element {
  const { locale, findings, sheets, select, onError } = props;
  if (sheets === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t(locale, "checkNoSheets")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (findings.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t(locale, "checkAllGood")}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Text>{t(locale, "checkSummary", countBySeverity(findings))}</Text>
      <FindingsList locale={locale} findings={findings} select={select} onError={onError} />
    </>
  );
}

import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TargetSplitProposal } from "../../app/target-split";
import { formatAmount, formatPercent } from "../../core/i18n/format";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { errorText } from "./error-text";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "proposed"; proposal: TargetSplitProposal }
  | { kind: "written"; message: string }
  | { kind: "failed"; message: string };

export function TargetSplitCard({
  locale,
  actions,
}: {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}): React.JSX.Element {
  const styles = useStyles();
  const [target, setTarget] = React.useState("");
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  const run = async (work: () => Promise<Status>) => {
    setStatus({ kind: "working" });
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };
  const onPropose = () => run(async () => ({ kind: "proposed", proposal: await actions.proposeTargetSplit(target) }));
  const onAccept = (proposal: TargetSplitProposal) =>
    run(async () => {
      const r = await actions.acceptTargetSplit(proposal, locale);
      return { kind: "written", message: t(locale, "splitWritten", { sheet: r.sheet, rows: r.rows }) };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "splitTitle")}</Text>} />
      <Text size={200}>{t(locale, "splitHint")}</Text>
      <div className={styles.row}>
        <Input
          value={target}
          onChange={(_e, data) => setTarget(data.value)}
          placeholder={t(locale, "splitTarget")}
          aria-label={t(locale, "splitTarget")}
        />
        <Button onClick={onPropose} disabled={status.kind === "working" || target.trim() === ""}>
          {t(locale, "splitButton")}
        </Button>
      </div>
      {status.kind === "working" && <Spinner size="tiny" label={t(locale, "working")} />}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "written" && (
        <MessageBar intent="success">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "proposed" && (
        <>
          <ul className={styles.list}>
            {status.proposal.reps.map((r) => (
              <li key={r.rep}>
                <Text size={200}>
                  {t(locale, "splitRow", {
                    rep: r.rep,
                    target: formatAmount(r.target)[locale],
                    average: formatAmount(r.recentAverage)[locale],
                    growth: r.growth === null ? "—" : `${r.growth >= 0 ? "+" : ""}${formatPercent(r.growth)}`,
                  })}
                </Text>
              </li>
            ))}
          </ul>
          {status.proposal.boundsRelaxed && <Text size={200}>{t(locale, "splitRelaxed")}</Text>}
          <Button appearance="primary" onClick={() => onAccept(status.proposal)}>
            {t(locale, "splitAccept")}
          </Button>
        </>
      )}
    </Card>
  );
}

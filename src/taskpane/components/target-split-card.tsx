import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TargetSplitProposal } from "../../app/target-split";
import { formatAmount, formatPercent } from "../../core/i18n/format";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Outcome = { readonly proposal: TargetSplitProposal } | { readonly written: string };

export function TargetSplitCard({
  locale,
  actions,
}: {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}): React.JSX.Element {
  const styles = useStyles();
  const [target, setTarget] = React.useState("");
  const { state, run } = useAction<Outcome>(locale);

  const onPropose = () => run(async () => ({ proposal: await actions.proposeTargetSplit(target) }));
  const onAccept = (proposal: TargetSplitProposal) =>
    run(async () => {
      const r = await actions.acceptTargetSplit(proposal, locale);
      const written = localize(PANE_MESSAGES.splitWritten, locale, { sheet: r.sheet, rows: r.rows });
      // Reps already on the sheet for the period are left out: the one sentence says who.
      return { written: r.skippedNote ? `${written} ${localize(r.skippedNote, locale)}` : written };
    });
  const outcome = state.kind === "done" ? state.value : undefined;

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(PANE_MESSAGES.splitTitle, locale)}</Text>} />
      <Text size={200}>{localize(PANE_MESSAGES.splitHint, locale)}</Text>
      <div className={styles.row}>
        <Input
          value={target}
          onChange={(_e, data) => setTarget(data.value)}
          placeholder={localize(PANE_MESSAGES.splitTarget, locale)}
          aria-label={localize(PANE_MESSAGES.splitTarget, locale)}
        />
        <Button onClick={onPropose} disabled={state.kind === "working" || target.trim() === ""}>
          {localize(PANE_MESSAGES.splitButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} />
      {outcome && "written" in outcome && (
        <MessageBar intent="success">
          <MessageBarBody>{outcome.written}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && "proposal" in outcome && (
        <>
          <ul className={styles.list}>
            {outcome.proposal.reps.map((r) => (
              <li key={r.rep}>
                <Text size={200}>
                  {localize(PANE_MESSAGES.splitRow, locale, {
                    rep: r.rep,
                    target: formatAmount(r.target)[locale],
                    average: formatAmount(r.recentAverage)[locale],
                    growth: r.growth === null ? "—" : `${r.growth >= 0 ? "+" : ""}${formatPercent(r.growth)}`,
                  })}
                </Text>
              </li>
            ))}
          </ul>
          {outcome.proposal.boundsRelaxed && <Text size={200}>{localize(PANE_MESSAGES.splitRelaxed, locale)}</Text>}
          <Button appearance="primary" onClick={() => onAccept(outcome.proposal)}>
            {localize(PANE_MESSAGES.splitAccept, locale)}
          </Button>
        </>
      )}
    </Card>
  );
}

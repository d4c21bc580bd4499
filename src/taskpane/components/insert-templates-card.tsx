import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
});

export interface InsertTemplatesCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function InsertTemplatesCard({ locale, actions }: InsertTemplatesCardProps): React.JSX.Element {
  const styles = useStyles();
  const [withExamples, setWithExamples] = React.useState(true);
  const { state, run, resultRef } = useAction<{ lines: string[]; reduced: boolean }>(locale);

  const onInsert = () =>
    run(async () => {
      const result = await actions.insertTemplates({ locale, withExamples });
      const lines = [localize(PANE_MESSAGES.insertedSheets, locale, { count: result.inserted.length })];
      // Already loaded with the use case: the templates stay out of the pane's first chunk.
      const { TEMPLATES } = await import("../../core/templates/templates");
      for (const item of result.inserted.filter((i) => i.renamed)) {
        const wanted = TEMPLATES.find((tpl) => tpl.key === item.template)?.sheetName[locale] ?? item.sheet;
        lines.push(localize(PANE_MESSAGES.renamedSheet, locale, { wanted, sheet: item.sheet }));
      }
      return { lines, reduced: !actions.capabilities.nativeValidation };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(PANE_MESSAGES.insertTemplatesTitle, locale)}</Text>} />
      <Text size={200}>{localize(PANE_MESSAGES.insertTemplatesHint, locale)}</Text>
      <div className={styles.row}>
        <Checkbox
          checked={withExamples}
          onChange={(_e, data) => setWithExamples(data.checked === true)}
          label={localize(PANE_MESSAGES.withExamples, locale)}
        />
        <Button appearance="primary" onClick={onInsert} disabled={state.kind === "working"}>
          {localize(PANE_MESSAGES.insertTemplatesButton, locale)}
        </Button>
      </div>
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div ref={resultRef} tabIndex={-1}>
          <MessageBar intent={state.value.reduced ? "warning" : "success"}>
            <MessageBarBody>
              {state.value.lines.map((line) => (
                <div key={line}>{line}</div>
              ))}
              {state.value.reduced && <div>{localize(PANE_MESSAGES.reducedFeatures, locale, { host: actions.hostName })}</div>}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </Card>
  );
}

import * as React from "react";
import { Button, Card, CardHeader, Checkbox, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

export interface InsertTemplatesCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function InsertTemplatesCard({ locale, actions }: InsertTemplatesCardProps): React.JSX.Element {
  const [withExamples, setWithExamples] = React.useState(true);
  const { state, run, resultRef } = useAction<{ lines: string[]; reduced: boolean }>(locale);

  const onInsert = () =>
    run(async () => {
      const result = await actions.insertTemplates({ locale, withExamples });
      const lines = [t(locale, "insertedSheets", { count: result.inserted.length })];
      // Already loaded with the use case: the templates stay out of the pane's first chunk.
      const { TEMPLATES } = await import("../../core/templates/templates");
      for (const item of result.inserted.filter((i) => i.renamed)) {
        const wanted = TEMPLATES.find((tpl) => tpl.key === item.template)?.sheetName[locale] ?? item.sheet;
        lines.push(t(locale, "renamedSheet", { wanted, sheet: item.sheet }));
      }
      return { lines, reduced: !actions.capabilities.nativeValidation };
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "insertTemplatesTitle")}</Text>} />
      <Text size={200}>{t(locale, "insertTemplatesHint")}</Text>
      <Checkbox
        checked={withExamples}
        onChange={(_e, data) => setWithExamples(data.checked === true)}
        label={t(locale, "withExamples")}
      />
      <Button appearance="primary" onClick={onInsert} disabled={state.kind === "working"}>
        {t(locale, "insertTemplatesButton")}
      </Button>
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div ref={resultRef} tabIndex={-1}>
          <MessageBar intent={state.value.reduced ? "warning" : "success"}>
            <MessageBarBody>
              {state.value.lines.map((line) => (
                <div key={line}>{line}</div>
              ))}
              {state.value.reduced && <div>{t(locale, "reducedFeatures", { host: actions.hostName })}</div>}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </Card>
  );
}

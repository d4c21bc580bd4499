import * as React from "react";
import { Button, Card, CardHeader, Checkbox, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";
import { TEMPLATES } from "../../core/templates/templates";
import type { TaskpaneActions } from "../taskpane-actions";
import { errorText } from "./error-text";

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "done"; lines: string[]; reduced: boolean }
  | { kind: "failed"; message: string };

export interface InsertTemplatesCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function InsertTemplatesCard({ locale, actions }: InsertTemplatesCardProps): React.JSX.Element {
  const [withExamples, setWithExamples] = React.useState(true);
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  const onInsert = async () => {
    setStatus({ kind: "working" });
    try {
      const result = await actions.insertTemplates({ locale, withExamples });
      const lines = [t(locale, "insertedSheets", { count: result.inserted.length })];
      for (const item of result.inserted.filter((i) => i.renamed)) {
        const wanted = TEMPLATES.find((tpl) => tpl.key === item.template)?.sheetName[locale] ?? item.sheet;
        lines.push(t(locale, "renamedSheet", { wanted, sheet: item.sheet }));
      }
      setStatus({ kind: "done", lines, reduced: !actions.capabilities.nativeValidation });
    } catch (error) {
      setStatus({ kind: "failed", message: errorText(error, locale) });
    }
  };

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t(locale, "insertTemplatesTitle")}</Text>} />
      <Text size={200}>{t(locale, "insertTemplatesHint")}</Text>
      <Checkbox
        checked={withExamples}
        onChange={(_e, data) => setWithExamples(data.checked === true)}
        label={t(locale, "withExamples")}
      />
      <Button appearance="primary" onClick={onInsert} disabled={status.kind === "working"}>
        {t(locale, "insertTemplatesButton")}
      </Button>
      {status.kind === "working" && <Spinner size="tiny" label={t(locale, "working")} />}
      {status.kind === "done" && (
        <MessageBar intent={status.reduced ? "warning" : "success"}>
          <MessageBarBody>
            {status.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {status.reduced && <div>{t(locale, "reducedFeatures")}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

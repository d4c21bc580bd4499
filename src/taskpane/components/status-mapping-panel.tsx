import * as React from "react";
import { Field, Select, Text } from "@fluentui/react-components";
import { CHOSEN_STATUS_CLASSES, statusKey, type ChosenStatusClass } from "../../core/analysis/reading/deal-status";
import { localize, type Locale } from "../../core/i18n/locale";
import { SETTINGS_MESSAGES, STATUS_CLASS_LABELS } from "../i18n/settings-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { useAction } from "./action-state";
import { DataColumnsPending, DataPanelSave, useDataColumns, useDataPanelStyles } from "./data-columns-state";

export interface StatusMappingPanelProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/**
 * The command line's `--status` in the pane: each value of the deal sheet's status column with its lines and
 * the class it is read as (a guess said so), which the user may change; kept in the workbook's settings.
 */
export function StatusMappingPanel({ locale, actions }: StatusMappingPanelProps): React.JSX.Element {
  const styles = useDataPanelStyles();
  // Keyed as the analysis matches them (case and spaces ignored); values the sheet no longer holds are kept.
  const [chosen, setChosen] = React.useState<Record<string, ChosenStatusClass>>({});
  const { state, run, resultRef } = useAction<string>(locale);
  const { columns, setColumns, loadError } = useDataColumns(actions, locale, (c) => setChosen({ ...c.settings.statuses }));

  const choiceOf = (text: string): ChosenStatusClass | undefined =>
    Object.entries(chosen).find(([k]) => statusKey(k) === statusKey(text))?.[1];
  const choose = (text: string, cls: ChosenStatusClass | undefined) =>
    setChosen((c) => {
      const next = Object.fromEntries(Object.entries(c).filter(([k]) => statusKey(k) !== statusKey(text)));
      return cls ? { ...next, [text]: cls } : next;
    });

  const onSave = () =>
    run(async () => {
      const saved = await actions.saveSettings({ statuses: chosen });
      setChosen({ ...saved.statuses });
      // What the values are read as now, for the "automatic" choices.
      setColumns(await actions.readDataColumns());
      return localize(SETTINGS_MESSAGES.statusesSaved, locale);
    });

  if (loadError || !columns) return <DataColumnsPending loadError={loadError} locale={locale} />;
  if (columns.statuses.length === 0) {
    const why = columns.detected.status === undefined ? SETTINGS_MESSAGES.statusesNone : SETTINGS_MESSAGES.statusesNoLines;
    return <Text size={200}>{localize(why, locale)}</Text>;
  }
  return (
    <section className={styles.root} aria-label={localize(SETTINGS_MESSAGES.statusesTitle, locale)}>
      <Text weight="semibold">{localize(SETTINGS_MESSAGES.statusesTitle, locale)}</Text>
      <Text size={200}>{localize(SETTINGS_MESSAGES.statusesHint, locale)}</Text>
      {columns.statuses.map((status) => {
        const value = choiceOf(status.text) ?? "";
        const now = STATUS_CLASS_LABELS[status.class][locale];
        const text = status.text || localize(SETTINGS_MESSAGES.statusesBlank, locale);
        return (
          <Field
            key={statusKey(status.text)}
            label={localize(SETTINGS_MESSAGES.statusesValue, locale, { text, lines: status.lines })}
          >
            <Select
              value={value}
              onChange={(_e, d) => choose(status.text, (d.value || undefined) as ChosenStatusClass | undefined)}
            >
              <option value="">
                {value
                  ? localize(SETTINGS_MESSAGES.columnsAuto, locale)
                  : localize(status.assumed ? SETTINGS_MESSAGES.statusesAutoGuess : SETTINGS_MESSAGES.statusesAuto, locale, {
                      cls: now,
                    })}
              </option>
              {CHOSEN_STATUS_CLASSES.map((cls) => (
                <option key={cls} value={cls}>
                  {STATUS_CLASS_LABELS[cls][locale]}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <DataPanelSave
        label={localize(SETTINGS_MESSAGES.statusesSave, locale)}
        onSave={onSave}
        state={state}
        locale={locale}
        resultRef={resultRef}
      />
    </section>
  );
}

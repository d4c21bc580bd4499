import * as React from "react";
import { Field, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import type { DataField } from "../../core/analysis/reading/fields";
import { localize, type Locale } from "../../core/i18n/locale";
import { SETTINGS_MESSAGES } from "../i18n/settings-messages";
import { FIELD_LABELS } from "../../core/i18n/field-labels";
import { MAPPED_FIELDS } from "../../core/settings/workbook-settings";
import type { TaskpaneActions } from "../taskpane-actions";
import { useAction } from "./action-state";
import { DataColumnsPending, DataPanelSave, useDataColumns, useDataPanelStyles } from "./data-columns-state";

export interface ColumnMappingPanelProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/**
 * The command line's `--map` in the pane: a header for each field the analysis reads, picked among the data
 * sheets' own headers and remembered in the workbook (the settings sheet) for the next run.
 */
export function ColumnMappingPanel({ locale, actions }: ColumnMappingPanelProps): React.JSX.Element {
  const styles = useDataPanelStyles();
  const [map, setMap] = React.useState<Partial<Record<DataField, string>>>({});
  const { state, run, resultRef } = useAction<string>(locale);
  const first = React.useRef<HTMLSelectElement | null>(null);
  // The columns the "no deal sheet" error named come preselected; what the workbook remembers wins.
  const { columns, loadError } = useDataColumns(actions, locale, (c) => setMap({ ...c.suggested, ...c.settings.map }));
  // Once the headers are in, the keyboard lands on the first field.
  React.useEffect(() => {
    if (columns) first.current?.focus();
  }, [columns]);

  const onSave = () =>
    run(async () => {
      const kept = Object.fromEntries(Object.entries(map).filter(([, v]) => v)) as Partial<Record<DataField, string>>;
      const saved = await actions.saveSettings({ map: kept });
      setMap(saved.map);
      return localize(SETTINGS_MESSAGES.columnsSaved, locale);
    });

  if (loadError || !columns) return <DataColumnsPending loadError={loadError} locale={locale} />;
  const sheets = [columns.dealSheet, columns.activitySheet].filter((s): s is string => s !== undefined);
  if (sheets.length === 0 || columns.headers.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{localize(SETTINGS_MESSAGES.columnsNoData, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  // A remembered header the sheet no longer has stays offered, so saving never drops it unseen.
  const options = [...new Set([...columns.headers, ...Object.values(map).filter((v): v is string => !!v)])];
  const guessed = MAPPED_FIELDS.filter((f) => columns.suggested[f] !== undefined && columns.settings.map[f] === undefined);
  return (
    <section className={styles.root} aria-label={localize(SETTINGS_MESSAGES.columnsTitle, locale)}>
      <Text weight="semibold">{localize(SETTINGS_MESSAGES.columnsTitle, locale)}</Text>
      <Text size={200}>{localize(SETTINGS_MESSAGES.columnsHint, locale)}</Text>
      <Text size={200}>{localize(SETTINGS_MESSAGES.columnsFrom, locale, { sheets: sheets.join(", ") })}</Text>
      {guessed.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {localize(SETTINGS_MESSAGES.columnsSuggested, locale, {
              fields: guessed.map((f) => FIELD_LABELS[f][locale]).join("/"),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {MAPPED_FIELDS.map((field, i) => {
        const found = columns.detected[field];
        return (
          <Field key={field} label={FIELD_LABELS[field][locale]}>
            <Select
              ref={i === 0 ? first : undefined}
              value={map[field] ?? ""}
              onChange={(_e, d) => setMap((m) => ({ ...m, [field]: d.value || undefined }))}
            >
              <option value="">
                {found && !map[field]
                  ? localize(SETTINGS_MESSAGES.columnsAutoFound, locale, { header: found })
                  : map[field]
                    ? localize(SETTINGS_MESSAGES.columnsAuto, locale)
                    : localize(SETTINGS_MESSAGES.columnsAutoMissing, locale)}
              </option>
              {options.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <DataPanelSave
        label={localize(SETTINGS_MESSAGES.columnsSave, locale)}
        onSave={onSave}
        state={state}
        locale={locale}
        resultRef={resultRef}
      />
    </section>
  );
}

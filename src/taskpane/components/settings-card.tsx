import * as React from "react";
import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../app/workbook-settings";
import { localize, type Locale } from "../../core/i18n/locale";
import { SETTINGS_MESSAGES } from "../i18n/settings-messages";
import { TEAM_THRESHOLDS, thresholdValue, type TeamThreshold } from "../../core/settings/workbook-settings";
import { DEFAULT_VALIDATION_SETTINGS } from "../../core/validate/validation-settings";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, useAction } from "./action-state";

const useStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  save: { alignSelf: "flex-start" },
});

/** Thresholds kept as fractions are shown and typed as percentages. */
const PERCENT: ReadonlySet<TeamThreshold> = new Set(["completionTarget", "growthBand"]);
const BOUNDS: Readonly<Record<TeamThreshold, [number, number]>> = {
  completionTarget: [1, 100],
  growthBand: [1, 1000],
  minKeyResults: [1, 52],
  maxKeyResults: [1, 52],
  coachingWeeks: [1, 52],
  coachingDays: [1, 52],
};

const shown = (key: TeamThreshold, value: number) => String(PERCENT.has(key) ? Math.round(value * 10000) / 100 : value);

/** A field's value as kept, undefined when empty (the default applies), or "bad". */
function parsed(key: TeamThreshold, text: string): number | undefined | "bad" {
  if (text.trim() === "") return undefined;
  const n = Number(text.trim());
  const value = thresholdValue(key, PERCENT.has(key) ? n / 100 : n);
  return value === undefined ? "bad" : value;
}

export interface SettingsCardProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
  /** The language the team chose (undefined: follow the program), once read and after each save. */
  readonly onLocale?: (locale: Locale | undefined) => void;
}

/** The team's thresholds and language, read from and saved in the workbook so everyone shares them. */
export function SettingsCard({ locale, actions, onLocale }: SettingsCardProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run, fail, resultRef } = useAction<string>(locale);
  const [texts, setTexts] = React.useState<Partial<Record<TeamThreshold, string>>>({});
  const [language, setLanguage] = React.useState<"" | Locale>("");

  const adopt = React.useCallback(
    (settings: WorkbookSettings) => {
      setTexts(Object.fromEntries(Object.entries(settings.thresholds).map(([k, v]) => [k, shown(k as TeamThreshold, v)])));
      setLanguage(settings.locale ?? "");
      onLocale?.(settings.locale);
    },
    [onLocale],
  );
  React.useEffect(() => {
    let live = true;
    actions.readSettings().then((s) => live && adopt(s), fail);
    return () => {
      live = false;
    };
    // Read once, when the card opens.
  }, []);

  const values = Object.fromEntries(TEAM_THRESHOLDS.map((k) => [k, parsed(k, texts[k] ?? "")])) as Record<
    TeamThreshold,
    number | undefined | "bad"
  >;
  const min = values.minKeyResults;
  const max = values.maxKeyResults;
  const disordered =
    typeof min === "number" || typeof max === "number"
      ? (typeof min === "number" ? min : DEFAULT_VALIDATION_SETTINGS.minKeyResults) >
        (typeof max === "number" ? max : DEFAULT_VALIDATION_SETTINGS.maxKeyResults)
      : false;
  const bad = TEAM_THRESHOLDS.some((k) => values[k] === "bad") || disordered;

  const onSave = () =>
    run(async () => {
      const thresholds = Object.fromEntries(
        TEAM_THRESHOLDS.flatMap((k) => (typeof values[k] === "number" ? [[k, values[k]]] : [])),
      );
      const saved = await actions.saveSettings({ thresholds, locale: language === "" ? undefined : language });
      adopt(saved);
      return localize(SETTINGS_MESSAGES.settingsSaved, saved.locale ?? locale, { sheet: "_sales_playbook" });
    });

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{localize(SETTINGS_MESSAGES.settingsTitle, locale)}</Text>} />
      <Text size={200}>{localize(SETTINGS_MESSAGES.settingsHint, locale)}</Text>
      <div className={styles.grid}>
        {TEAM_THRESHOLDS.map((key) => {
          const [low, high] = BOUNDS[key];
          const message =
            values[key] === "bad"
              ? localize(SETTINGS_MESSAGES.settingBad, locale, { min: low, max: high })
              : key === "maxKeyResults" && disordered
                ? localize(SETTINGS_MESSAGES.settingOrder, locale)
                : undefined;
          return (
            <Field key={key} label={localize(SETTINGS_MESSAGES[key], locale)} validationMessage={message}>
              <Input
                type="number"
                inputMode="decimal"
                value={texts[key] ?? ""}
                placeholder={shown(key, DEFAULT_VALIDATION_SETTINGS[key])}
                onChange={(_e, d) => setTexts((t) => ({ ...t, [key]: d.value }))}
              />
            </Field>
          );
        })}
        <Field label={localize(SETTINGS_MESSAGES.language, locale)}>
          <Select value={language} onChange={(_e, d) => setLanguage(d.value as "" | Locale)}>
            <option value="">{localize(SETTINGS_MESSAGES.languageHost, locale)}</option>
            <option value="zh-CN">{localize(SETTINGS_MESSAGES.languageZh, locale)}</option>
            <option value="en">{localize(SETTINGS_MESSAGES.languageEn, locale)}</option>
          </Select>
        </Field>
      </div>
      <Button className={styles.save} appearance="primary" onClick={onSave} disabled={bad || state.kind === "working"}>
        {localize(SETTINGS_MESSAGES.settingsSave, locale)}
      </Button>
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div className={styles.result} ref={resultRef} tabIndex={-1}>
          <MessageBar intent="success">
            <MessageBarBody>{state.value}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </Card>
  );
}

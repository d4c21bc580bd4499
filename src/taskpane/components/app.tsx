import * as React from "react";
import { makeStyles, Spinner, Subtitle1, Caption1, tokens } from "@fluentui/react-components";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { TaskpaneActions } from "../taskpane-actions";
// The cards below the first load as their own chunks, so the pane's first paint stays small.
const CheckWorkbookCard = React.lazy(async () => ({ default: (await import("./check-workbook-card")).CheckWorkbookCard }));
const AnalysisCard = React.lazy(async () => ({ default: (await import("./analysis-card")).AnalysisCard }));
const TargetSplitCard = React.lazy(async () => ({ default: (await import("./target-split-card")).TargetSplitCard }));
const WeeklyReviewCard = React.lazy(async () => ({ default: (await import("./weekly-review-card")).WeeklyReviewCard }));
const ActionPlanCard = React.lazy(async () => ({ default: (await import("./action-plan-card")).ActionPlanCard }));
const ProgressCard = React.lazy(async () => ({ default: (await import("./progress-card")).ProgressCard }));
const SettingsCard = React.lazy(async () => ({ default: (await import("./settings-card")).SettingsCard }));
import { InsertTemplatesCard } from "./insert-templates-card";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export interface AppProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

export function App({ locale: hostLocale, actions }: AppProps): React.JSX.Element {
  const styles = useStyles();
  // The language the team keeps in the workbook's settings, once read; else the program's.
  const [teamLocale, setTeamLocale] = React.useState<Locale | undefined>(undefined);
  const locale = teamLocale ?? hostLocale;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{localize(PANE_MESSAGES.appTitle, locale)}</Subtitle1>
        <Caption1>{localize(PANE_MESSAGES.appSubtitle, locale)}</Caption1>
      </header>
      <InsertTemplatesCard locale={locale} actions={actions} />
      <React.Suspense fallback={<Spinner size="tiny" aria-label={localize(PANE_MESSAGES.working, locale)} />}>
        <CheckWorkbookCard locale={locale} actions={actions} />
        <AnalysisCard locale={locale} actions={actions} />
        <TargetSplitCard locale={locale} actions={actions} />
        <WeeklyReviewCard locale={locale} actions={actions} />
        <ActionPlanCard locale={locale} actions={actions} />
        <ProgressCard locale={locale} actions={actions} />
        <SettingsCard locale={locale} actions={actions} onLocale={setTeamLocale} />
      </React.Suspense>
    </main>
  );
}

import * as React from "react";
import { makeStyles, Spinner, Subtitle1, tokens } from "@fluentui/react-components";
import { localize, type Bilingual, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { PANE_STEPS, rememberedStep, rememberStep, type PaneSection, type PaneStep } from "../current-step";
import {
  ActionPlanCard,
  AnalysisCard,
  CheckWorkbookCard,
  InsertTemplatesCard,
  MonthlyReviewCard,
  ProgressCard,
  SettingsCard,
  TargetSplitCard,
  WeeklyReviewCard,
} from "./pane-chunks";
import { StepSection } from "./step-section";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM },
});

/** Each section's heading, in the pane's order. */
export const SECTION_TITLES: Readonly<Record<PaneSection, Bilingual>> = {
  targets: PANE_MESSAGES.stepTargets,
  diagnosis: PANE_MESSAGES.stepDiagnosis,
  actionPlan: PANE_MESSAGES.stepActionPlan,
  weekly: PANE_MESSAGES.stepWeekly,
  monthly: PANE_MESSAGES.stepMonthly,
  check: PANE_MESSAGES.sectionCheck,
  settings: PANE_MESSAGES.sectionSettings,
};

export interface AppProps {
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
}

/**
 * The pane: the playbook's five steps in order, then the check and the settings that serve every step. One step
 * is open at a time, the current one (the last opened or used, remembered: `current-step.ts`); the check and the
 * settings open on their own. A closed section keeps what it showed.
 */
export function App({ locale: hostLocale, actions }: AppProps): React.JSX.Element {
  const styles = useStyles();
  // The language the team keeps in the workbook's settings, once read; else the program's.
  const [teamLocale, setTeamLocale] = React.useState<Locale | undefined>(undefined);
  const locale = teamLocale ?? hostLocale;
  const [step, setStep] = React.useState<PaneStep | undefined>(rememberedStep);
  const [tools, setTools] = React.useState<ReadonlySet<PaneSection>>(new Set());
  React.useEffect(() => {
    let live = true;
    // Read once; the settings card tells of a failure when it is opened, and saves change it (onLocale).
    actions.readSettings().then(
      (s) => live && setTeamLocale(s.locale),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const use = (section: PaneStep) => {
    rememberStep(section);
    setStep(section);
  };
  /** A section: its cards load as chunks (`pane-chunks.tsx`; a spinner meanwhile). */
  const section = (id: PaneSection, children: React.ReactNode) => {
    const isStep = (PANE_STEPS as readonly string[]).includes(id);
    const open = isStep ? step === id : tools.has(id);
    const toggle = () => {
      if (isStep) {
        if (open) setStep(undefined);
        else use(id as PaneStep);
      } else setTools((t) => new Set(open ? [...t].filter((s) => s !== id) : [...t, id]));
    };
    return (
      <StepSection
        key={id}
        id={`pane-${id}`}
        title={localize(SECTION_TITLES[id], locale)}
        open={open}
        onToggle={toggle}
        onUse={isStep ? () => use(id as PaneStep) : undefined}
      >
        <React.Suspense fallback={<Spinner size="tiny" label={localize(PANE_MESSAGES.working, locale)} />}>
          {children}
        </React.Suspense>
      </StepSection>
    );
  };

  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{localize(PANE_MESSAGES.appTitle, locale)}</Subtitle1>
      {section(
        "targets",
        <>
          <InsertTemplatesCard locale={locale} actions={actions} />
          <TargetSplitCard locale={locale} actions={actions} />
          <ProgressCard locale={locale} actions={actions} />
        </>,
      )}
      {section("diagnosis", <AnalysisCard locale={locale} actions={actions} />)}
      {section("actionPlan", <ActionPlanCard locale={locale} actions={actions} />)}
      {section("weekly", <WeeklyReviewCard locale={locale} actions={actions} />)}
      {section("monthly", <MonthlyReviewCard locale={locale} actions={actions} />)}
      {section("check", <CheckWorkbookCard locale={locale} actions={actions} />)}
      {section("settings", <SettingsCard locale={locale} actions={actions} onLocale={setTeamLocale} />)}
    </main>
  );
}

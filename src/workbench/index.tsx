import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, Caption1, FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { FUniver } from "@univerjs/core/facade";
import type { FWorkbook } from "@univerjs/sheets/facade";
import { activityTemplate, dealsTemplate } from "../core/templates/data-sheets.template";
import { localize, LOCALES, resolveLocale, type Locale } from "../core/i18n/locale";
import { PANE_MESSAGES } from "../taskpane/i18n/pane-messages";
import { WORKBENCH_MESSAGES } from "./workbench-messages";
import type { SheetWrite } from "../app/workbook-host.port";
import { readGrid } from "../hosts/univer/univer-grid";
import { UniverHost } from "../hosts/univer/univer-host";
import { workbookData, type SheetSeed } from "../hosts/univer/univer-workbook-data";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { App } from "../taskpane/components/app";
import { createTaskpaneActions, type TaskpaneActions } from "../taskpane/taskpane-actions";
import { loadPaneTheme, paneThemeName } from "../taskpane/theme";
import { exampleTeam } from "./example-team";
import { createGrid, openWorkbook } from "./univer-grid";
import { readXlsx, writeXlsx } from "./workbook-file";

/* global document, window, URL, Blob, HTMLInputElement */

const PANE_WIDTH = 360;

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", height: "100vh" },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, position: "relative" },
  pane: {
    width: `${PANE_WIDTH}px`,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The data sheets' widths and number formats, as the templates define them (dates shown as dates). */
function dataSheetFormats(locale: Locale, rows: readonly number[]): SheetWrite[] {
  return [dealsTemplate, activityTemplate].map((template, i) => ({
    sheet: template.sheetName[locale],
    columns: template.columns.map((c, column) => ({
      column,
      width: c.width,
      numberFormat: c.numberFormat,
      rows: { row: 1, rowCount: Math.max(1, rows[i] - 1) },
    })),
    headerRow: 0,
    freezeRows: 1,
    activate: i === 0,
  }));
}

interface Opened {
  readonly workbook: FWorkbook;
  readonly actions: TaskpaneActions;
  readonly name: string;
}

function Workbench({ locale }: { locale: Locale }): React.JSX.Element {
  const styles = useStyles();
  const gridElement = React.useRef<HTMLDivElement>(null);
  const [api, setApi] = React.useState<FUniver>();
  const [opened, setOpened] = React.useState<Opened>();
  const [problem, setProblem] = React.useState<string>();
  const fileInput = React.useRef<HTMLInputElement>(null);

  // Univer draws into the grid's element once it is on the page.
  React.useEffect(() => {
    if (!gridElement.current) return;
    const { univer, api: created } = createGrid(gridElement.current, locale);
    // Univer's Facade API on the page, as Univer's own demos have it: scripts and tests can drive the grid.
    (window as unknown as { univerAPI?: FUniver }).univerAPI = created;
    setApi(created);
    return () => univer.dispose();
  }, [locale]);

  const show = React.useCallback(
    async (name: string, open: (workbook: FWorkbook, host: UniverHost) => Promise<void>, seeds: readonly SheetSeed[]) => {
      if (!api) return;
      const workbook = openWorkbook(api, workbookData(name, seeds));
      const host = new UniverHost(api, workbook);
      await open(workbook, host);
      setOpened({ workbook, actions: createTaskpaneActions(host), name });
    },
    [api],
  );

  React.useEffect(() => {
    if (!api) return;
    const seeds = exampleTeam(locale, new Date());
    void show(
      localize(WORKBENCH_MESSAGES.workbenchExampleName, locale),
      (_wb, host) =>
        host.write({
          sheets: dataSheetFormats(
            locale,
            seeds.map((s) => s.values.length),
          ),
        }),
      seeds,
    );
  }, [api, locale, show]);

  const onFile = async (file: File) => {
    setProblem(undefined);
    try {
      const read = await readXlsx(await file.arrayBuffer(), (workbook) => new XlsxHost(workbook));
      await show(file.name.replace(/\.xlsx$/i, ""), (_wb, host) => host.write(read.batch), read.seeds);
    } catch (error) {
      setProblem(
        localize(WORKBENCH_MESSAGES.workbenchOpenFailed, locale, {
          file: file.name,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  const save = async () => {
    if (!opened) return;
    const bytes = await writeXlsx(readGrid(opened.workbook), new XlsxHost());
    const url = URL.createObjectURL(
      new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = `${opened.name}.xlsx`;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const other = LOCALES.find((l) => l !== locale)!;
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <Button appearance="primary" onClick={() => fileInput.current?.click()}>
          {localize(WORKBENCH_MESSAGES.workbenchOpen, locale)}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={localize(WORKBENCH_MESSAGES.workbenchOpen, locale)}
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void onFile(file);
          }}
        />
        <Button onClick={() => void save()} disabled={!opened}>
          {localize(WORKBENCH_MESSAGES.workbenchSave, locale)}
        </Button>
        <Caption1 className={styles.grow}>
          {opened && !opened.actions.capabilities.charts ? localize(WORKBENCH_MESSAGES.workbenchNoCharts, locale) : ""}
        </Caption1>
        <Button as="a" href={`?lang=${other}`} appearance="subtle" lang={other}>
          {localize(WORKBENCH_MESSAGES.workbenchLanguageName, other)}
        </Button>
      </header>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div
          className={styles.grid}
          role="region"
          aria-label={localize(WORKBENCH_MESSAGES.workbenchGridLabel, locale)}
          ref={gridElement}
        />
        <aside className={styles.pane} aria-label={localize(PANE_MESSAGES.appTitle, locale)}>
          {opened && <App key={opened.workbook.getId()} locale={locale} actions={opened.actions} />}
        </aside>
      </div>
    </div>
  );
}

const root = document.getElementById("container");
if (root) {
  const locale = resolveLocale(new URLSearchParams(window.location.search).get("lang") ?? window.navigator.language);
  document.documentElement.lang = locale;
  void loadPaneTheme(paneThemeName({ matchMedia: (q) => window.matchMedia(q) })).then((theme) =>
    createRoot(root).render(
      <FluentProvider theme={theme}>
        <Workbench locale={locale} />
      </FluentProvider>,
    ),
  );
}

import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { IWorkbookData } from "@univerjs/core";
import type { FUniver } from "@univerjs/core/facade";
import type { FWorkbook } from "@univerjs/sheets/facade";
import { activityTemplate, dealsTemplate } from "../core/templates/data-sheets.template";
import { localize, LOCALES, resolveLocale, type Locale } from "../core/i18n/locale";
import { PANE_MESSAGES } from "../taskpane/i18n/pane-messages";
import { WORKBENCH_MESSAGES } from "./workbench-messages";
import type { SheetWrite } from "../app/workbook-host.port";
import { USE_CASES } from "../app/use-cases";
import type { UniverHost } from "../hosts/univer/univer-host";
import { UNIVER_CAPABILITIES } from "../hosts/univer/univer-capabilities";
import { App } from "../taskpane/components/app";
import { preloadPane, preloadSection } from "../taskpane/components/pane-chunks";
import { rememberedStep } from "../taskpane/current-step";
import { createTaskpaneActions, taskpaneActionsWhenReady, type TaskpaneActions } from "../taskpane/taskpane-actions";
import { loadPaneTheme, paneThemeName } from "../taskpane/theme";
import { exampleTeam } from "./example-team";
import { clearAutosave, readAutosave, writeAutosave, type Autosave } from "./autosave";

/* global document, window, URL, Blob, HTMLInputElement, BeforeUnloadEvent, requestAnimationFrame, requestIdleCallback */

/**
 * Univer's grid and everything built on it, most of the workbench's script: one chunk loaded after the pane's
 * first paint, so the pane is there to read and use while it loads (a button used meanwhile waits for it).
 */
let gridModules: ReturnType<typeof importGrid> | undefined;
function importGrid() {
  return Promise.all([
    import(/* webpackChunkName: "grid" */ "@univerjs/core"),
    import(/* webpackChunkName: "grid" */ "./univer-grid"),
    import(/* webpackChunkName: "grid" */ "../hosts/univer/univer-host"),
    import(/* webpackChunkName: "grid" */ "../hosts/univer/univer-workbook-data"),
    import(/* webpackChunkName: "grid" */ "../hosts/univer/univer-grid"),
  ]).then(([core, grid, host, data, read]) => ({
    CommandType: core.CommandType,
    createGrid: grid.createGrid,
    openWorkbook: grid.openWorkbook,
    UniverHost: host.UniverHost,
    workbookData: data.workbookData,
    readGrid: read.readGrid,
  }));
}
const loadGrid = () => (gridModules ??= importGrid());
type Grid = Awaited<ReturnType<typeof importGrid>>;

/** Open and Save's modules (ExcelJS, the .xlsx host): loaded on first use, or when the page is idle. */
const loadFiles = () =>
  Promise.all([
    import(/* webpackChunkName: "workbook-file" */ "./workbook-file"),
    import(/* webpackChunkName: "workbook-file" */ "../hosts/xlsx/xlsx-host"),
  ]).then(([file, xlsx]) => ({
    readXlsx: file.readXlsx,
    writeXlsx: file.writeXlsx,
    notKeptSentence: file.notKeptSentence,
    XlsxHost: xlsx.XlsxHost,
  }));

/** Runs `work` once the page has painted what it has (a frame, then a task after it). */
function afterPaint(work: () => void): () => void {
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(work, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/** Runs `work` when the page is idle (at the latest after 2 s), where the browser says when; else after 200 ms. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 2_000 });
  else window.setTimeout(work, 200);
}

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

/**
 * The pane beside the grid. `key` changes with each workbook shown, so the pane starts afresh with each; the
 * pane shown before the grid is ready keeps its key for the first workbook, so what it started carries on.
 */
interface Pane {
  readonly key: number;
  readonly actions: TaskpaneActions;
  /** Set while the pane waits for its first workbook: hands it that workbook's actions. */
  readonly ready?: (actions: TaskpaneActions) => void;
}

/** A pane waiting for its workbook: each action waits for the grid, then runs on the workbook shown. */
function waitingPane(key: number): Pane {
  let ready!: (actions: TaskpaneActions) => void;
  const actions = new Promise<TaskpaneActions>((resolve) => (ready = resolve));
  return {
    key,
    actions: taskpaneActionsWhenReady({ kind: "univer", capabilities: UNIVER_CAPABILITIES, select: true }, actions),
    ready,
  };
}

/** A workbook carried over a change of language: the grid is built again in the other language around it. */
interface Carried {
  readonly name: string;
  readonly snapshot: Partial<IWorkbookData>;
  readonly changed: boolean;
}

/** How long after the last change the autosave is written. */
const AUTOSAVE_DELAY_MS = 1_000;

function Workbench({ initialLocale }: { initialLocale: Locale }): React.JSX.Element {
  const styles = useStyles();
  const [locale, setLocale] = React.useState(initialLocale);
  const gridElement = React.useRef<HTMLDivElement>(null);
  const [grid, setGrid] = React.useState<{ readonly api: FUniver; readonly modules: Grid }>();
  const [opened, setOpened] = React.useState<Opened>();
  const [pane, setPane] = React.useState<Pane>(() => waitingPane(0));
  const paneRef = React.useRef(pane);
  paneRef.current = pane;
  const [problem, setProblem] = React.useState<string>();
  /** What a file that did open lost on the way in: a warning, not an error. */
  const [notice, setNotice] = React.useState<string>();
  const [offer, setOffer] = React.useState<Autosave>();
  const [asking, setAsking] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const openedRef = React.useRef<Opened>(undefined);
  const carried = React.useRef<Carried>(undefined);
  const shownCount = React.useRef(0);
  /** Changed since the last open, save or restore: Open asks before replacing. */
  const changed = React.useRef(false);
  /** Changed since the autosave was last written. */
  const unstored = React.useRef(false);
  const writing = React.useRef(0);
  const opening = React.useRef(false);
  /** The autosave from an earlier visit is not overwritten until it has been looked for and the user has chosen. */
  const keepAutosave = React.useRef(true);
  const timer = React.useRef<number>(undefined);

  const store = React.useCallback((autosave: Autosave) => {
    writing.current++;
    void writeAutosave(autosave)
      .catch(() => {
        unstored.current = true;
      })
      .finally(() => writing.current--);
  }, []);

  /** Writes the autosave now if something changed since it was last written. */
  const flush = React.useCallback(() => {
    window.clearTimeout(timer.current);
    const current = openedRef.current;
    if (!unstored.current || keepAutosave.current || !current) return;
    unstored.current = false;
    store({ name: current.name, snapshot: current.workbook.save(), savedAt: Date.now() });
  }, [store]);

  const schedule = React.useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
  }, [flush]);

  // Univer draws into the grid's element once it is on the page: loaded after the pane has been painted.
  React.useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    const cancel = afterPaint(() => {
      void loadGrid().then((modules) => {
        if (stopped || !gridElement.current) return;
        const { univer, api } = modules.createGrid(gridElement.current, locale);
        // Univer's Facade API on the page, as Univer's own demos have it: scripts and tests can drive the grid.
        (window as unknown as { univerAPI?: FUniver }).univerAPI = api;
        // Every change to the workbook is a mutation of its unit; opening one is not a change, nor are the cell
        // editor's own document and the formula engine's local notices.
        const listening = api.addEvent(api.Event.CommandExecuted, (event) => {
          if (event.type !== modules.CommandType.MUTATION || event.options?.onlyLocal || opening.current) return;
          const unit = (event.params as { unitId?: unknown } | undefined)?.unitId;
          if (/^(doc|formula)\./.test(event.id) || (unit !== undefined && unit !== openedRef.current?.workbook.getId())) return;
          changed.current = true;
          unstored.current = true;
          schedule();
        });
        stop = () => {
          listening.dispose();
          univer.dispose();
          // A grid being replaced (another language) is no longer the page's: scripts wait for the next one.
          const page = window as unknown as { univerAPI?: FUniver };
          if (page.univerAPI === api) page.univerAPI = undefined;
        };
        setGrid({ api, modules });
      });
    });
    return () => {
      stopped = true;
      cancel();
      stop?.();
    };
  }, [locale, schedule]);

  /** Shows a workbook in the grid, from cells (`seeds`) or from Univer's own snapshot, and gives the pane its actions. */
  const show = React.useCallback(
    async (
      name: string,
      data: { readonly seeds: Parameters<Grid["workbookData"]>[1] } | { readonly snapshot: Partial<IWorkbookData> },
      then?: (host: UniverHost) => Promise<void>,
    ) => {
      if (!grid) return;
      const { api, modules } = grid;
      opening.current = true;
      try {
        const workbook = modules.openWorkbook(api, "seeds" in data ? modules.workbookData(name, data.seeds) : data.snapshot);
        const host = new modules.UniverHost(api, workbook);
        await then?.(host);
        const next = { workbook, actions: createTaskpaneActions(host), name };
        openedRef.current = next;
        setOpened(next);
        // The pane shown while the grid loaded gets the first workbook's actions; any later workbook, a fresh pane.
        const waiting = paneRef.current.ready;
        if (waiting) {
          waiting(next.actions);
          setPane({ key: paneRef.current.key, actions: next.actions });
        } else setPane({ key: ++shownCount.current, actions: next.actions });
      } finally {
        opening.current = false;
      }
    },
    [grid],
  );

  // The autosave of an earlier visit, offered once.
  React.useEffect(() => {
    readAutosave()
      .then((found) => {
        if (found) setOffer(found);
        else keepAutosave.current = false;
      })
      .catch(() => {
        keepAutosave.current = false;
      });
  }, []);

  React.useEffect(() => {
    if (!grid) return;
    const carry = carried.current;
    carried.current = undefined;
    if (carry) {
      void show(carry.name, { snapshot: carry.snapshot }).then(() => {
        changed.current = carry.changed;
      });
      return;
    }
    const seeds = exampleTeam(locale, new Date());
    void show(localize(WORKBENCH_MESSAGES.workbenchExampleName, locale), { seeds }, (host) =>
      host.write({
        sheets: dataSheetFormats(
          locale,
          seeds.map((s) => s.values.length),
        ),
      }),
    ).then(() => {
      changed.current = false;
      // What a manager likely does next, loaded while nothing else happens: the templates' use case (the first
      // button of the first step), the pane's step chunks, and Open and Save's modules.
      whenIdle(() => {
        void USE_CASES.insertTemplates.load();
        void import("../core/templates/templates");
        preloadPane();
        void loadFiles();
      });
    });
    // The example is shown once per grid; a change of language carries the workbook instead.
  }, [grid, show]);

  // Written when the tab is hidden or closed; the browser asks before closing only if a change is not yet stored.
  React.useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const leaving = (event: BeforeUnloadEvent) => {
      flush();
      if (unstored.current || writing.current > 0) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [flush]);

  // Restore, Start fresh and Open wait for the first workbook on the grid (their buttons are disabled until then):
  // a workbook shown before the grid is there would be lost, and the example shown after it would replace it.
  const restore = async () => {
    if (!offer || !openedRef.current) return;
    setOffer(undefined);
    setNotice(undefined);
    keepAutosave.current = false;
    unstored.current = false;
    await show(offer.name, { snapshot: offer.snapshot });
    changed.current = false;
  };

  const startFresh = async () => {
    if (!openedRef.current) return;
    setOffer(undefined);
    await clearAutosave().catch(() => undefined);
    keepAutosave.current = false;
    if (unstored.current) schedule();
  };

  const switchLanguage = (next: Locale) => {
    const current = openedRef.current;
    if (current) {
      const snapshot = current.workbook.save();
      carried.current = { name: current.name, snapshot, changed: changed.current };
      window.clearTimeout(timer.current);
      if (unstored.current && !keepAutosave.current) {
        unstored.current = false;
        store({ name: current.name, snapshot, savedAt: Date.now() });
      }
    }
    const url = new URL(window.location.href);
    url.searchParams.set("lang", next);
    window.history.replaceState(window.history.state, "", url);
    document.documentElement.lang = next;
    openedRef.current = undefined;
    setOpened(undefined);
    setGrid(undefined);
    setPane(waitingPane(++shownCount.current));
    setLocale(next);
  };

  const onFile = async (file: File) => {
    if (!openedRef.current) return;
    setProblem(undefined);
    setNotice(undefined);
    try {
      const { readXlsx, notKeptSentence, XlsxHost } = await loadFiles();
      const read = await readXlsx(await file.arrayBuffer(), (workbook) => new XlsxHost(workbook));
      const name = file.name.replace(/\.xlsx$/i, "");
      await show(name, { seeds: read.seeds }, (host) => host.write(read.batch));
      setNotice(notKeptSentence(read.notKept, file.name, locale));
      changed.current = false;
      // The file opened is what a reload brings back.
      unstored.current = true;
      schedule();
    } catch (error) {
      setProblem(
        localize(WORKBENCH_MESSAGES.workbenchOpenFailed, locale, {
          file: file.name,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  const chooseFile = () => {
    if (changed.current) setAsking(true);
    else fileInput.current?.click();
  };

  const save = async () => {
    if (!opened || !grid) return;
    const { writeXlsx, XlsxHost } = await loadFiles();
    const bytes = await writeXlsx(grid.modules.readGrid(opened.workbook), new XlsxHost());
    const url = URL.createObjectURL(
      // JSZip's bytes are over a plain ArrayBuffer, never a shared one.
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = `${opened.name}.xlsx`;
    link.click();
    changed.current = false;
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const other = LOCALES.find((l) => l !== locale)!;
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <Button appearance="primary" onClick={chooseFile} disabled={!opened}>
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
          {opened && !opened.actions.capabilities.charts ? localize(WORKBENCH_MESSAGES.workbenchChartsInFile, locale) : ""}
        </Caption1>
        <Button appearance="subtle" lang={other} onClick={() => switchLanguage(other)}>
          {localize(WORKBENCH_MESSAGES.workbenchLanguageName, other)}
        </Button>
      </header>
      {offer && (
        <MessageBar intent="info">
          <MessageBarBody>
            {localize(WORKBENCH_MESSAGES.workbenchRestoreOffer, locale, {
              name: offer.name,
              time: new Date(offer.savedAt).toLocaleString(locale),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" autoFocus disabled={!opened} onClick={() => void restore()}>
              {localize(WORKBENCH_MESSAGES.workbenchRestore, locale)}
            </Button>
            <Button disabled={!opened} onClick={() => void startFresh()}>
              {localize(WORKBENCH_MESSAGES.workbenchStartFresh, locale)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={asking} onOpenChange={(_e, data) => setAsking(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{localize(WORKBENCH_MESSAGES.workbenchReplaceTitle, locale)}</DialogTitle>
            <DialogContent>
              {localize(WORKBENCH_MESSAGES.workbenchReplaceQuestion, locale, { name: opened?.name ?? "" })}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setAsking(false);
                  fileInput.current?.click();
                }}
              >
                {localize(WORKBENCH_MESSAGES.workbenchReplace, locale)}
              </Button>
              <Button autoFocus onClick={() => setAsking(false)}>
                {localize(WORKBENCH_MESSAGES.workbenchCancel, locale)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <div className={styles.body}>
        <div
          className={styles.grid}
          role="region"
          aria-label={localize(WORKBENCH_MESSAGES.workbenchGridLabel, locale)}
          ref={gridElement}
        />
        <aside className={styles.pane} aria-label={localize(PANE_MESSAGES.appTitle, locale)}>
          <App key={pane.key} locale={locale} actions={pane.actions} />
        </aside>
      </div>
    </div>
  );
}

const root = document.getElementById("container");
if (root) {
  const locale = resolveLocale(new URLSearchParams(window.location.search).get("lang") ?? window.navigator.language);
  document.documentElement.lang = locale;
  // The page is drawn once the current step's cards (chunks of their own) are here, so the pane shows them at once,
  // before Univer's script, long to run, starts.
  void Promise.all([
    loadPaneTheme(paneThemeName({ matchMedia: (q) => window.matchMedia(q) })),
    preloadSection(rememberedStep()),
  ]).then(([theme]) =>
    createRoot(root).render(
      <FluentProvider theme={theme}>
        <Workbench initialLocale={locale} />
      </FluentProvider>,
    ),
  );
}

import { insertTemplates } from "../app/insert-templates";
import { UseCaseError } from "../app/use-case-error";
import { localize, resolveLocale, type Bilingual, type Locale } from "../core/i18n/locale";
import { RIBBON_MESSAGES } from "./ribbon-messages";
import { createWpsHost, resolveEtApplication, wpsLanguageTag } from "../hosts/wps/wps-host";

/* global window, document, navigator, alert */

/**
 * The WPS add-in's main page (index.html): WPS loads it hidden when 表格 starts and calls the
 * callbacks ribbon.xml names, which must be global functions answering synchronously (a label, an
 * image path, true). The pane opens with `Application.CreateTaskPane(url)` and is shown or hidden
 * again by its id, kept in `PluginStorage` (shared by the add-in's pages).
 */

interface WpsAddinRoot {
  CreateTaskPane(url: string, title?: string): { ID: number; Visible: boolean };
  GetTaskPane(id: number): { Visible: boolean } | null | undefined;
  PluginStorage: {
    getItem(key: string): string | null | undefined;
    setItem(key: string, value: string | number | boolean): void;
  };
}

interface RibbonControl {
  readonly Id: string;
}

const PANE_ID = "salesPlaybookTaskPaneId";

/** The ribbon's words, per control id (the same words as the Office manifest's). */
const LABELS: Readonly<Record<string, Bilingual>> = {
  salesPlaybookTab: RIBBON_MESSAGES.ribbonGroup,
  salesPlaybookGroup: RIBBON_MESSAGES.ribbonGroup,
  btnOpenPane: RIBBON_MESSAGES.ribbonOpenPane,
  btnInsertTemplates: RIBBON_MESSAGES.ribbonInsert,
};
const TIPS: Readonly<Record<string, Bilingual>> = {
  btnOpenPane: RIBBON_MESSAGES.ribbonOpenPaneTip,
  btnInsertTemplates: RIBBON_MESSAGES.ribbonInsertTip,
};
const IMAGES: Readonly<Record<string, string>> = {
  btnOpenPane: "images/icon-32.png",
  btnInsertTemplates: "images/icon-32.png",
};

/** The add-in root: `window.Application` on current builds, `wps` on older ones. */
const root = () => {
  const w = window as unknown as { Application?: WpsAddinRoot; wps?: WpsAddinRoot };
  const found = w.Application ?? w.wps;
  if (!found) throw new Error("not running in WPS: no Application object");
  return found;
};
const locale = (): Locale => resolveLocale(wpsLanguageTag(resolveEtApplication(window), navigator.language));

/** The pane's address beside this page, wherever the package is served from or unpacked. */
export function paneUrl(pageUrl: string): string {
  return new URL("taskpane.html", pageUrl).href;
}

function togglePane(): void {
  const app = root();
  const id = Number(app.PluginStorage.getItem(PANE_ID));
  const existing = id ? app.GetTaskPane(id) : undefined;
  if (existing) {
    existing.Visible = !existing.Visible;
    return;
  }
  const pane = app.CreateTaskPane(paneUrl(document.location.href), localize(RIBBON_MESSAGES.ribbonPaneTitle, locale()));
  app.PluginStorage.setItem(PANE_ID, pane.ID);
  pane.Visible = true;
}

function insertTemplatesNow(): void {
  const lang = locale();
  insertTemplates(createWpsHost(resolveEtApplication(window)), { locale: lang, withExamples: true }).catch((error: unknown) => {
    const detail = error instanceof UseCaseError ? error.text[lang] : String((error as Error)?.message ?? error);
    alert(localize(RIBBON_MESSAGES.ribbonFailed, lang, { detail }));
  });
}

/** ribbon.xml `onLoad`: WPS hands the ribbon; true says the add-in loaded. */
export function OnAddinLoad(): boolean {
  return true;
}

/** ribbon.xml `onAction`. The object model is synchronous: the work is done before WPS repaints. */
export function OnAction(control: RibbonControl): boolean {
  if (control.Id === "btnOpenPane") togglePane();
  else if (control.Id === "btnInsertTemplates") insertTemplatesNow();
  return true;
}

export function GetLabel(control: RibbonControl): string {
  const text = LABELS[control.Id];
  return text ? localize(text, locale()) : "";
}

export function GetScreentip(control: RibbonControl): string {
  const text = TIPS[control.Id];
  return text ? localize(text, locale()) : "";
}

/** A path relative to the add-in's folder. */
export function GetImage(control: RibbonControl): string {
  return IMAGES[control.Id] ?? "";
}

/** The callbacks ribbon.xml names, as globals (test/wps-package checks each exists in the built page). */
export const RIBBON_CALLBACKS = { OnAddinLoad, OnAction, GetLabel, GetScreentip, GetImage } as const;
Object.assign(window, RIBBON_CALLBACKS);

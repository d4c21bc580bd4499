import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { WorkbookHost } from "../app/workbook-host.port";
import { resolveLocale, type Locale } from "../core/i18n/locale";
import { detectSpreadsheetHost } from "../hosts/common/detect-host";
import { createExcelHost } from "../hosts/excel/excel-host";
import { createOfficeEnvironment } from "../hosts/excel/excel-environment";
import { App } from "./components/app";
import { preloadSection } from "./components/pane-chunks";
import { rememberedStep } from "./current-step";
import { createTaskpaneActions } from "./taskpane-actions";
import { loadPaneTheme, paneThemeName } from "./theme";

/* global document, navigator, Office, window */

/**
 * The current step's cards (chunks of their own), loaded from the start, beside the host and Office.js: the pane is
 * drawn once they are here, so its first paint shows them (no spinner, nor React's pause before it reveals a card).
 */
const currentCards = preloadSection(rememberedStep());

async function render(host: WorkbookHost, locale: Locale, officeBackground?: string): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const [theme] = await Promise.all([
    loadPaneTheme(paneThemeName({ officeBackground, matchMedia: (q) => window.matchMedia(q) })),
    currentCards,
  ]);
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App locale={locale} actions={createTaskpaneActions(host)} />
    </FluentProvider>,
  );
}

// One pane for every program: WPS loads its host on demand (a chunk of its own, so the Office pane's
// first chunk does not grow); Excel waits for Office.js. The browser workbench builds its own page.
switch (detectSpreadsheetHost()) {
  case "wps":
    void import(/* webpackChunkName: "wps-host" */ "../hosts/wps/wps-host").then(
      ({ createWpsHost, resolveEtApplication, wpsLanguageTag }) => {
        const app = resolveEtApplication();
        void render(createWpsHost(app), resolveLocale(wpsLanguageTag(app, navigator.language)));
      },
    );
    break;
  case "univer":
    break;
  default:
    void Office.onReady(() => {
      void render(
        createExcelHost(createOfficeEnvironment()),
        resolveLocale(Office.context.displayLanguage),
        Office.context.officeTheme?.bodyBackgroundColor,
      );
    });
}

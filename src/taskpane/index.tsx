import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { resolveLocale } from "../core/i18n/locale";
import { createExcelHost } from "../hosts/excel/excel-host";
import { createOfficeEnvironment } from "../hosts/excel/excel-environment";
import { App } from "./components/app";
import { createTaskpaneActions } from "./taskpane-actions";

/* global document, Office */

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const locale = resolveLocale(Office.context.displayLanguage);
  const actions = createTaskpaneActions(createExcelHost(createOfficeEnvironment()));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={actions} />
    </FluentProvider>,
  );
});

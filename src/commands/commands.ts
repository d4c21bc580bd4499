import { insertTemplates } from "../app/insert-templates";
import { resolveLocale } from "../core/i18n/locale";
import { createExcelHost } from "../hosts/excel/excel-host";
import { createOfficeEnvironment } from "../hosts/excel/excel-environment";

/* global Office */

/**
 * Ribbon button "Insert templates": inserts the four sheets (with example rows) without opening
 * the task pane. A failure is rethrown so Office reports the command as failed; the task pane
 * shows the readable message for the same action.
 */
async function insertTemplatesCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = createExcelHost(createOfficeEnvironment());
    await insertTemplates(host, { locale: resolveLocale(Office.context.displayLanguage), withExamples: true });
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("insertTemplates", insertTemplatesCommand);
});

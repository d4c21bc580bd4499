import { LocaleType, LogLevel, mergeLocales, Univer, type IWorkbookData } from "@univerjs/core";
import { FUniver } from "@univerjs/core/facade";
import { UniverSheetsCorePreset } from "@univerjs/preset-sheets-core";
import sheetsCoreEnUS from "@univerjs/preset-sheets-core/locales/en-US";
import sheetsCoreZhCN from "@univerjs/preset-sheets-core/locales/zh-CN";
import { UniverSheetsDataValidationPreset } from "@univerjs/preset-sheets-data-validation";
import validationEnUS from "@univerjs/preset-sheets-data-validation/locales/en-US";
import validationZhCN from "@univerjs/preset-sheets-data-validation/locales/zh-CN";
import { UniverSheetsConditionalFormattingPreset } from "@univerjs/preset-sheets-conditional-formatting";
import formattingEnUS from "@univerjs/preset-sheets-conditional-formatting/locales/en-US";
import formattingZhCN from "@univerjs/preset-sheets-conditional-formatting/locales/zh-CN";
import "@univerjs/preset-sheets-core/lib/index.css";
import "@univerjs/preset-sheets-data-validation/lib/index.css";
import "@univerjs/preset-sheets-conditional-formatting/lib/index.css";
import type { FWorkbook } from "@univerjs/sheets/facade";
import type { Locale } from "../core/i18n/locale";

/** The open-source presets: the grid with formulas and number formats, data validation, conditional formatting. */
const PRESETS = [UniverSheetsCorePreset, UniverSheetsDataValidationPreset, UniverSheetsConditionalFormattingPreset];

/** Univer's spreadsheet with its screen, in `container`, the formula engine on the page's own thread. */
export function createGrid(container: HTMLElement, locale: Locale): { univer: Univer; api: FUniver } {
  const univerLocale = locale === "zh-CN" ? LocaleType.ZH_CN : LocaleType.EN_US;
  const univer = new Univer({
    locale: univerLocale,
    logLevel: LogLevel.WARN,
    locales: {
      [LocaleType.ZH_CN]: mergeLocales(sheetsCoreZhCN, validationZhCN, formattingZhCN),
      [LocaleType.EN_US]: mergeLocales(sheetsCoreEnUS, validationEnUS, formattingEnUS),
    },
  });
  const plugins = new Map<string, { plugin: Parameters<Univer["registerPlugin"]>[0]; options: unknown }>();
  for (const preset of PRESETS) {
    const config = preset === UniverSheetsCorePreset ? { container, header: true, toolbar: true, footer: {} } : undefined;
    for (const entry of preset(config as never).plugins) {
      const [plugin, options] = Array.isArray(entry) ? entry : [entry, undefined];
      plugins.set(plugin.pluginName, { plugin, options });
    }
  }
  for (const { plugin, options } of plugins.values()) univer.registerPlugin(plugin, options as never);
  return { univer, api: FUniver.newAPI(univer) };
}

/** Shows this workbook in the grid, replacing the one shown (the entry lays it out: `workbookData`). */
export function openWorkbook(api: FUniver, data: Partial<IWorkbookData>): FWorkbook {
  const current = api.getActiveWorkbook();
  if (current) api.disposeUnit(current.getId());
  return api.createWorkbook(data);
}

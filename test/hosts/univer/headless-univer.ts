import { LocaleType, Univer } from "@univerjs/core";
import { FUniver } from "@univerjs/core/facade";
import { UniverDocsPlugin } from "@univerjs/docs";
import { UniverFormulaEnginePlugin } from "@univerjs/engine-formula";
import "@univerjs/engine-formula/facade";
import { UniverSheetsPlugin } from "@univerjs/sheets";
import "@univerjs/sheets/facade";
import sheetsEnUS from "@univerjs/sheets/locale/en-US";
import { UniverSheetsFormulaPlugin } from "@univerjs/sheets-formula";
import "@univerjs/sheets-formula/facade";
import { UniverSheetsNumfmtPlugin } from "@univerjs/sheets-numfmt";
import "@univerjs/sheets-numfmt/facade";
import { UniverDataValidationPlugin } from "@univerjs/data-validation";
import { UniverSheetsDataValidationPlugin } from "@univerjs/sheets-data-validation";
import "@univerjs/sheets-data-validation/facade";
import { UniverSheetsConditionalFormattingPlugin } from "@univerjs/sheets-conditional-formatting";
import "@univerjs/sheets-conditional-formatting/facade";
import type { FWorkbook } from "@univerjs/sheets/facade";
import { workbookData, type SheetSeed } from "../../../src/hosts/univer/univer-workbook-data";

/**
 * Univer's engine without its screen: the same model, formula engine, validation and conditional
 * formatting plugins the workbench runs, so the host is tested on the real engine in jest.
 */
export function createHeadlessUniver(sheets: readonly SheetSeed[] = []): {
  univer: Univer;
  api: FUniver;
  workbook: FWorkbook;
} {
  const univer = new Univer({ locale: LocaleType.EN_US, locales: { [LocaleType.EN_US]: sheetsEnUS } });
  univer.registerPlugin(UniverDocsPlugin);
  univer.registerPlugin(UniverFormulaEnginePlugin);
  univer.registerPlugin(UniverSheetsPlugin);
  univer.registerPlugin(UniverSheetsFormulaPlugin);
  univer.registerPlugin(UniverSheetsNumfmtPlugin);
  univer.registerPlugin(UniverDataValidationPlugin);
  univer.registerPlugin(UniverSheetsDataValidationPlugin);
  univer.registerPlugin(UniverSheetsConditionalFormattingPlugin);
  const api = FUniver.newAPI(univer);
  const workbook = api.createWorkbook(workbookData("workbench", sheets));
  return { univer, api, workbook };
}

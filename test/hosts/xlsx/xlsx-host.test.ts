import { describeSafeFix } from "../../app/fix.cases";
import { describeSettings } from "../../app/settings.cases";
import { describeMarks } from "../../app/marks.cases";
import { describeAnalysis, describeTargetSplit } from "../../app/analysis.cases";
import { describeInsertTemplates } from "../../app/insert-templates.cases";
import { describeValidateWorkbook } from "../../app/validate-workbook.cases";
import { createXlsxHostUnderTest } from "./xlsx-host-under-test";

describeInsertTemplates("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeValidateWorkbook("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeAnalysis("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeSettings("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeSafeFix("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeMarks("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeTargetSplit("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);

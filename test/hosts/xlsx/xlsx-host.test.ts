import { describeWeeklyReview } from "../../app/weekly-review.cases";
import { describeActionPlan } from "../../app/actions.cases";
import { describeTrackProgress } from "../../app/progress.cases";
import { describeMarks } from "../../app/marks.cases";
import { describeAnalysis, describeTargetSplit } from "../../app/analysis.cases";
import { describeInsertTemplates } from "../../app/insert-templates.cases";
import { describeValidateWorkbook } from "../../app/validate-workbook.cases";
import { createXlsxHostUnderTest } from "./xlsx-host-under-test";

describeInsertTemplates("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeValidateWorkbook("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeAnalysis("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeActionPlan("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeMarks("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeTargetSplit("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeWeeklyReview("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);
describeTrackProgress("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest);

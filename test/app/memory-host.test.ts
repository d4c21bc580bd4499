import { describeSafeFix } from "./fix.cases";
import { describeSettings } from "./settings.cases";
import { describeLiveValidation, describeMarks } from "./marks.cases";
import { describeAnalysis, describeTargetSplit } from "./analysis.cases";
import { createMemoryHostUnderTest } from "./memory-host-under-test";
import { describeInsertTemplates } from "./insert-templates.cases";
import { describeValidateWorkbook } from "./validate-workbook.cases";

describeInsertTemplates("the in-memory host", createMemoryHostUnderTest);
describeValidateWorkbook("the in-memory host", createMemoryHostUnderTest);
describeAnalysis("the in-memory host", createMemoryHostUnderTest);
describeSettings("the in-memory host", createMemoryHostUnderTest);
describeSafeFix("the in-memory host", createMemoryHostUnderTest);
describeMarks("the in-memory host", createMemoryHostUnderTest);
describeLiveValidation("the in-memory host", createMemoryHostUnderTest);
describeTargetSplit("the in-memory host", createMemoryHostUnderTest);

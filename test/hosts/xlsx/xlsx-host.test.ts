import { describeUseCases } from "../../app/use-case-tests";
import { createXlsxHostUnderTest } from "./xlsx-host-under-test";

describeUseCases("the xlsx host (ExcelJS, saved and reloaded)", createXlsxHostUnderTest, {
  startLiveValidation: "not on this host: a file reports no edits",
});

import type ExcelJS from "exceljs";
import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";

/** Host-neutral rule to an ExcelJS data validation (written as one range, not cell by cell). */
export function toExcelJsValidation(rule: ResolvedValidation, prompt?: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    ...(prompt ? { showInputMessage: true, prompt } : {}),
  };
  switch (rule.kind) {
    case "list":
      // A list that allows other values warns (errorStyle "warning") instead of refusing ("stop", the default).
      return {
        ...common,
        type: "list",
        formulae: [`"${rule.values.join(",")}"`],
        ...(rule.allowOther ? { errorStyle: "warning" } : {}),
      };
    case "date":
      return { ...common, type: "date", operator: "greaterThanOrEqual", formulae: [new Date(Date.UTC(1900, 2, 1))] };
    case "wholeNumber":
    case "decimal": {
      const type = rule.kind === "wholeNumber" ? "whole" : "decimal";
      if (rule.min !== undefined && rule.max !== undefined)
        return { ...common, type, operator: "between", formulae: [rule.min, rule.max] };
      if (rule.max !== undefined) return { ...common, type, operator: "lessThanOrEqual", formulae: [rule.max] };
      return { ...common, type, operator: "greaterThanOrEqual", formulae: [rule.min ?? 0] };
    }
  }
}

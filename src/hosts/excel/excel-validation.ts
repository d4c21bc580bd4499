import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";

/** Host-neutral rule to Office.js `DataValidationRule` (ExcelApi 1.8). */
export function toExcelValidationRule(rule: ResolvedValidation): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "date":
      return { date: { formula1: "1900-03-01", operator: "GreaterThanOrEqualTo" } };
    case "wholeNumber":
    case "decimal": {
      const basic = numericRule(rule.min, rule.max);
      return rule.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

function numericRule(min: number | undefined, max: number | undefined): Excel.BasicDataValidation {
  if (min !== undefined && max !== undefined) {
    return { formula1: min, formula2: max, operator: "Between" };
  }
  if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" };
  return { formula1: min ?? 0, operator: "GreaterThanOrEqualTo" };
}

/** Excel's literal-text rule and formula runs are the ones every Excel-like host shares. */
export { toLiteralText as toExcelLiteral, formulaRuns } from "../common/literal-text";

import fc from "fast-check";
import { columnIndex } from "../../../src/core/cell/a1";
import type { CellValue } from "../../../src/core/cell/cell-value";
import { parseCriterion } from "../../../src/core/parse/criterion";
import { parseDeadline } from "../../../src/core/parse/deadline";
import { detectMetric, readMetricSegments } from "../../../src/core/parse/metrics";
import { splitNumberedList } from "../../../src/core/parse/numbered-list";
import { findQuantities, parsePercent, parseQuantity } from "../../../src/core/parse/quantity";
import { TEMPLATES } from "../../../src/core/templates/templates";
import { validateSheets } from "../../../src/core/validate/validate-sheets";
import { SETTINGS, TODAY } from "./fixtures";

const words = [
  "万",
  "个",
  "≥",
  "不低于",
  "以上",
  "1.",
  "①",
  "；",
  "\n",
  "电话",
  "开发",
  "复购率",
  "%",
  "百分之",
  "十二",
  "两百",
  "Q4",
  "本月底",
  "1周内",
  "at least",
  "of",
  "from",
  "to",
  "#N/A",
  "=SUM(A1)",
  "-",
  ".",
];
/** Strings that look like what people type: real fragments mixed with noise. */
const text = fc.oneof(
  fc.string(),
  fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 3 }), fc.integer().map(String)), { maxLength: 12 })
    .map((parts) => parts.join("")),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.double(),
  fc.integer({ min: -10, max: 100_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("#N/A", "#VALUE!", "#DIV/0!", ""),
);

describe("property: parsers never throw", () => {
  it("on any string or cell value", () => {
    fc.assert(
      fc.property(cell, (value) => {
        parseQuantity(value);
        parsePercent(value);
        parseCriterion(value);
        parseDeadline(value, TODAY);
        splitNumberedList(value);
        detectMetric(value);
        readMetricSegments(value, findQuantities(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("quantities lie inside the text they were found in", () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const q of findQuantities(value)) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(value.length + 1);
          expect(Number.isFinite(q.value)).toBe(true);
        }
      }),
    );
  });
});

describe("property: validators never throw and point only at cells that exist", () => {
  it.each(TEMPLATES.map((t) => [t.key, t] as const))("%s sheets", (_key, template) => {
    const headers = template.columns.map((c) => c.header["zh-CN"]);
    const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: headers.length + 2 }), { maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 3 }), (body, offset) => {
        const values = [...Array.from({ length: offset }, () => [] as CellValue[]), headers as CellValue[], ...body];
        const width = Math.max(...values.map((r) => r.length));
        const result = validateSheets([{ name: "S", row: 0, column: 0, values }], { settings: SETTINGS });
        for (const f of result.flatMap((s) => s.findings)) {
          // Row findings lie below the header; a note about a whole column sits on the header itself.
          if (f.rule === "sheet.column.empty") expect(f.row).toBe(offset + 1);
          else expect(f.row).toBeGreaterThan(offset + 1);
          expect(f.row).toBeLessThanOrEqual(values.length);
          expect(columnIndex(f.column)).toBeLessThan(width);
          expect(f.message["zh-CN"].length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary grids without a template header give no findings and no exception", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (values) => {
        validateSheets([{ name: "S", row: 0, column: 0, values }], { settings: SETTINGS });
      }),
      { numRuns: 300 },
    );
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { createSheetBlueprint, resolveRowFormula } from "../../../src/core/templates/sheet-blueprint";
import { TEMPLATES } from "../../../src/core/templates/templates";

/** The header rows of the playbook's four template tables: its section 三, kept verbatim in the fixtures. */
function playbookHeaders(): string[][] {
  const section = readFileSync(path.resolve(__dirname, "../../fixtures/playbook/templates.zh-CN.md"), "utf8");
  return section
    .split("\n### ")
    .slice(1)
    .map((block) => block.split("\n").find((line) => line.startsWith("|"))!)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe("the template sheets", () => {
  it("keep every column of the playbook's tables, in the playbook's order", () => {
    const headers = playbookHeaders();
    expect(headers).toHaveLength(4);
    // The playbook's four tables come first; the action plan after them has no table in the playbook.
    expect(TEMPLATES.map((t) => t.key)).toEqual(["targets", "customers", "weekly", "review", "actions"]);
    TEMPLATES.slice(0, headers.length).forEach((template, i) => {
      const ours = template.columns.map((c) => c.header["zh-CN"]);
      const theirs = headers[i];
      expect(ours.filter((h) => theirs.includes(h))).toEqual(theirs);
    });
  });

  it("have unique keys and bilingual headers", () => {
    for (const template of TEMPLATES) {
      const keys = template.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of template.columns) {
        expect(c.header["zh-CN"].length).toBeGreaterThan(0);
        expect(c.header.en).toMatch(/^[A-Za-z]/);
      }
    }
  });

  it("refer only to their own columns in formulas", () => {
    for (const template of TEMPLATES) {
      const index = new Map(template.columns.map((c, i) => [c.key, i] as const));
      for (const c of template.columns.filter((col) => col.formula)) {
        expect(() => resolveRowFormula(c.formula!, index, 1)).not.toThrow();
      }
    }
  });
});

describe("sheet blueprints", () => {
  it("put the playbook's example customers in the customer table, shares and order values as formulas", () => {
    const customers = TEMPLATES.find((t) => t.key === "customers")!;
    const bp = createSheetBlueprint(customers, { locale: "zh-CN", withExamples: true, blankRows: 2 });
    expect(bp.bodyRowCount).toBe(5);
    expect(bp.values[0].slice(0, 4)).toEqual(["行业TOP100", 15, 75, 6_000_000]);
    // A row without revenue shows no share (never 0.0%).
    expect(bp.formulas[0][4]).toBe('=IF(OR(ISBLANK(D2),SUM($D:$D)=0),"",D2/SUM($D:$D))');
    expect(bp.formulas[4][5]).toBe('=IF(N(C6)>0,D6/C6,"")');
    // The playbook's 60%/30%/10% and 8万/3万/1万 follow from the example numbers.
    const revenue = bp.values.slice(0, 3).map((r) => r[3] as number);
    const orders = bp.values.slice(0, 3).map((r) => r[2] as number);
    const total = revenue.reduce((a, b) => a + b, 0);
    expect(revenue.map((r) => r / total)).toEqual([0.6, 0.3, 0.1]);
    expect(revenue.map((r, i) => r / orders[i])).toEqual([80_000, 30_000, 10_000]);
  });

  it("leave examples out unless asked, and resolve list values to the locale", () => {
    const weekly = TEMPLATES.find((t) => t.key === "weekly")!;
    const bp = createSheetBlueprint(weekly, { locale: "en" });
    expect(bp.values.every((row) => row.every((v) => v === null))).toBe(true);
    // The playbook's tracker takes metrics of the team's own: a typed one is warned about, not refused.
    expect(bp.columns.find((c) => c.key === "metric")?.validation).toEqual({
      kind: "list",
      values: ["New customers", "Calls", "Visits", "Follow-ups", "Proposals", "Revenue"],
      allowOther: true,
    });
  });
});

/**
 * @jest-environment node
 */
import { execFileSync, spawnSync } from "node:child_process";
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withDefinedNames } from "../../../src/hosts/xlsx/defined-names";
import { runCli } from "../../cli/cli-harness";
import { PYTHON } from "../../support/export-fixtures";

/**
 * Print areas, print titles and named ranges of a workbook another program wrote survive every
 * --out: the full load (validate, customers), whose writer gets apostrophes and print titles wrong,
 * and the package copy (diagnose). openpyxl writes the input and reads each output back.
 */
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "defined-names-"));
const input = path.join(dir, "print.xlsx");
const SHEET = "O'Brien 成交明细";

const WRITE = `
import sys, datetime, openpyxl
from openpyxl.workbook.defined_name import DefinedName
wb = openpyxl.Workbook()
ws = wb.active
ws.title = ${JSON.stringify(SHEET)}
ws.append(["成交日期", "销售代表", "客户名称", "客户类型", "成交金额"])
for i in range(30):
    ws.append([datetime.date(2026, 9 + i % 3, 1 + i % 27), "张三" if i % 2 else "李四", f"客户{i % 7}", "中小企业", 1000 + i * 10])
ws.print_area = "A1:E31"
ws.print_title_rows = "1:1"
wb.defined_names.append(DefinedName("Deals", attr_text="'O''Brien 成交明细'!$A$1:$E$31"))
wb.save(sys.argv[1])
`;

const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({"sheets": wb.sheetnames, "area": ws.print_area, "titles": ws.print_title_rows,
  "names": {d.name: d.attr_text for d in wb.defined_names.values()} if hasattr(wb.defined_names, "values") else
           {d.name: d.attr_text for d in wb.defined_names.definedName}}))
`;

async function definedNameElements(file: string): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")?.async("string")) ?? "";
  return xml.match(/<definedName\b[\s\S]*?<\/definedName>/g) ?? [];
}

const read = (file: string) =>
  JSON.parse(execFileSync(PYTHON, ["-c", READ, file], { encoding: "utf8" })) as Record<string, unknown>;

(hasOpenpyxl ? describe : describe.skip)(`defined names through --out (needs ${PYTHON} with openpyxl)`, () => {
  beforeAll(() => execFileSync(PYTHON, ["-c", WRITE, input]));

  it.each(["validate", "customers", "diagnose"])(
    "%s --out keeps the print area, print titles and named range",
    async (command) => {
      const before = read(input);
      expect(before).toMatchObject({ area: ["$A$1:$E$31"], titles: "1:1" });
      const out = path.join(dir, `${command}.xlsx`);
      const result = await runCli([command, input, "--out", out]);
      expect(result.code).toBe(0);
      const after = read(out);
      expect(after.area).toEqual(before.area);
      expect(after.titles).toEqual(before.titles);
      expect(after.names).toEqual(before.names);
      expect((after.sheets as string[])[0]).toBe(SHEET);
      // openpyxl forgives a reference with an undoubled apostrophe; Excel does not: the XML itself must match.
      expect(await definedNameElements(out)).toEqual(await definedNameElements(input));
    },
  );
});

describe("withDefinedNames", () => {
  const original = [`<definedName name="_xlnm.Print_Area" localSheetId="0">'O''B'!$A$1:$B$2</definedName>`];
  it("puts the user's names back and keeps the ones added for new sheets", () => {
    const saved =
      `<workbook><sheets><sheet name="O'B"/></sheets><definedNames>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'O'B'!$A1:$B2</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'New'!$A$1:$C$3</definedName></definedNames></workbook>`;
    expect(withDefinedNames(saved, original)).toBe(
      `<workbook><sheets><sheet name="O'B"/></sheets><definedNames>${original[0]}` +
        `<definedName name="_xlnm.Print_Area" localSheetId="1">'New'!$A$1:$C$3</definedName></definedNames></workbook>`,
    );
  });
  it("adds the block after the sheets when the save dropped it", () => {
    expect(withDefinedNames(`<workbook><sheets></sheets><calcPr/></workbook>`, original)).toBe(
      `<workbook><sheets></sheets><definedNames>${original[0]}</definedNames><calcPr/></workbook>`,
    );
  });
});

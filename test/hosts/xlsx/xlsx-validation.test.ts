/**
 * @jest-environment node
 */
import { execFileSync, spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { insertTemplates } from "../../../src/app/insert-templates";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { PYTHON } from "../../support/export-fixtures";

/**
 * A drop-down that allows other values is written with errorStyle="warning" (Excel, WPS and LibreOffice
 * then warn and keep a typed value), the others keep the refusing default; openpyxl reads the file back.
 */
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;

const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps([{"range": str(dv.sqref), "type": dv.type, "errorStyle": dv.errorStyle, "formula": dv.formula1}
                  for dv in ws.data_validations.dataValidation]))
`;

(hasOpenpyxl ? describe : describe.skip)(
  `list validation error styles in the saved .xlsx (needs ${PYTHON} with openpyxl)`,
  () => {
    it("the action plan's metric list warns, its status list refuses", async () => {
      const workbook = new ExcelJS.Workbook();
      await insertTemplates(new XlsxHost(workbook), { locale: "zh-CN", templates: ["actions"] });
      const file = path.join(mkdtempSync(path.join(tmpdir(), "xlsx-validation-")), "plan.xlsx");
      writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
      const rules = JSON.parse(execFileSync(PYTHON, ["-c", READ, file, "行动计划表"], { encoding: "utf8" })) as {
        range: string;
        type: string;
        errorStyle: string | null;
        formula: string;
      }[];
      const lists = rules.filter((r) => r.type === "list");
      // Columns G (状态) and H (目标指标) of the action plan.
      expect(lists.find((r) => r.range.startsWith("H2"))).toMatchObject({ errorStyle: "warning" });
      expect(lists.find((r) => r.range.startsWith("H2"))?.formula).toContain("新客户数");
      // openpyxl reads a missing errorStyle as None or "stop": both refuse.
      expect([null, "stop"]).toContain(lists.find((r) => r.range.startsWith("G2"))?.errorStyle);
    });
  },
);

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { readBiff8Workbook } from "../../src/hosts/xlsx/biff8-reader";
import { readSheetJsWorkbook } from "../../src/hosts/xlsx/sheetjs-workbook";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";

jest.setTimeout(120_000);
const soffice = findSoffice();
if (!soffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");

/** LibreOffice writes what SheetJS's writer does not: RK and MULRK numbers, formulas with cached results, styles. */
it("the BIFF8 reader gives what SheetJS gives on an .xls LibreOffice wrote", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "biff8-lo-"));
  const rows: unknown[][] = [["订单编号", "买家会员名", "买家实际支付金额", "订单付款时间", "数量", "合计"]];
  for (let r = 0; r < 3000; r++) {
    rows.push([`T${r}`, `买家${r % 97} José`, ((r * 37) % 1000) / 4, new Date(Date.UTC(2026, 0, 1 + (r % 300))), r % 9, null]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: "yyyy-mm-dd hh:mm" });
  for (let r = 1; r <= 3000; r++) sheet[`F${r + 1}`] = { t: "n", f: `C${r + 1}*E${r + 1}` };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "订单");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["说明"], ["=文本"]]), "Notes");
  const source = path.join(dir, "orders.xlsx");
  writeFileSync(source, XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
  const xls = readFileSync(convertWithLibreOffice(soffice!, source, "xls", mkdtempSync(path.join(tmpdir(), "lo-out-"))));
  const ours = readBiff8Workbook(xls, { dateFormats: true });
  expect(ours).toBeDefined();
  const theirs = readSheetJsWorkbook(xls, { dateFormats: true });
  expect(ours!.sheets).toEqual(theirs.sheets);
  expect([...ours!.dateFormats].map(([n, f]) => [n, [...f]])).toEqual([...theirs.dateFormats].map(([n, f]) => [n, [...f]]));
  // The formulas' cached results were read: C*E of row 2 (T1).
  expect(ours!.sheets[0].values[2][5]).toBeCloseTo(((37 % 1000) / 4) * 1);
});

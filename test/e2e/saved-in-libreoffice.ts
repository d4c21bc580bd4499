import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { PYTHON } from "../support/export-fixtures";
import { convertWithLibreOffice, findSoffice } from "../support/soffice";

/**
 * A workbook saved from the workbench, opened in another program: LibreOffice (headless) reads it, saves it again as
 * .xlsx (what it kept is what it understood, read back by openpyxl) and prints it to PDF, each sheet on one page;
 * Poppler's pdftoppm turns chosen pages into pictures. `.ci/run` installs LibreOffice, python3-openpyxl and
 * poppler-utils; without one of them `viewers` is undefined.
 */
const soffice = findSoffice();
const pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((p) => existsSync(p));
const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;

/** Each sheet's charts and the add-in's marks (their conditional formats' formulas), as openpyxl reads them. */
export type SheetsSeen = Record<string, { charts: number; marks: string[] }>;

const READ = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    marks = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            marks += [f for f in (rule.formula or []) if "|" in f]
    out[ws.title] = {"charts": len(ws._charts), "marks": marks}
print(json.dumps(out, ensure_ascii=False))
`;

export interface Viewers {
  /** What openpyxl sees of the file, and of LibreOffice's own save of it. */
  seen(file: string): { written: SheetsSeen; inLibreOffice: SheetsSeen };
  /**
   * Prints the file to PDF with LibreOffice and photographs the page of each sheet found by a text on it into
   * `shots` (`<name>.png`; its left `width` pixels when given); the PDF's size in bytes.
   */
  print(
    file: string,
    work: string,
    pages: readonly { name: string; text: string; dpi: number; width?: number }[],
    shots: string,
  ): number;
}

export const viewers: Viewers | undefined =
  soffice && pdftoppm && hasOpenpyxl
    ? {
        seen(file) {
          const read = (f: string) => JSON.parse(execFileSync(PYTHON, ["-c", READ, f], { encoding: "utf8" })) as SheetsSeen;
          const again = convertWithLibreOffice(soffice, file, "xlsx", path.join(path.dirname(file), "libreoffice"));
          return { written: read(file), inLibreOffice: read(again) };
        },
        print(file, work, pages, shots) {
          const pdf = convertWithLibreOffice(
            soffice,
            file,
            'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
            path.join(work, "pdf"),
          );
          const poppler = path.dirname(pdftoppm);
          const count = Number(
            /Pages:\s+(\d+)/.exec(execFileSync(path.join(poppler, "pdfinfo"), [pdf], { encoding: "utf8" }))?.[1],
          );
          const texts = Array.from({ length: count }, (_v, i) =>
            execFileSync(path.join(poppler, "pdftotext"), ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], {
              encoding: "utf8",
            }),
          );
          for (const { name, text, dpi, width } of pages) {
            const at = texts.findIndex((t) => t.includes(text)) + 1;
            if (at === 0) throw new Error(`No printed page shows "${text}"`);
            const prefix = path.join(work, name);
            const crop = width ? ["-x", "0", "-y", "0", "-W", String(width), "-H", "2000"] : [];
            execFileSync(pdftoppm, [
              "-r",
              String(dpi),
              ...crop,
              "-png",
              "-singlefile",
              "-f",
              String(at),
              "-l",
              String(at),
              pdf,
              prefix,
            ]);
            copyFileSync(`${prefix}.png`, path.join(shots, `${name}.png`));
          }
          return statSync(pdf).size;
        },
      }
    : undefined;

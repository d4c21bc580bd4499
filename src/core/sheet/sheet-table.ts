import type { CellValue } from "../cell/cell-value";
import { TEMPLATES } from "../templates/templates";
import type { TemplateDefinition, TemplateKey } from "../templates/template.types";

/** The used values of a sheet, as a host reads them. */
export interface SheetGrid {
  readonly name: string;
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly CellValue[])[];
}

/** One data row of a recognised sheet. */
export interface TableRow {
  /** 0-based row on the sheet. */
  readonly sheetRow: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/** A sheet recognised as one of the templates by its header row, wherever the user moved the columns. */
export interface SheetTable {
  readonly sheet: string;
  readonly template: TemplateKey;
  readonly headerRow: number;
  /** Template column key -> 0-based sheet column, for the columns present. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly TableRow[];
}

const HEADER_SCAN_ROWS = 10;

/**
 * A column a sheet must have to be read as that template: the action plan's generic headers (负责人,
 * 状态, 开始日期) also head CRM exports, which must not be checked as plans.
 */
const ANCHORS: Partial<Record<TemplateKey, string>> = { actions: "strategy" };

function normalizeHeader(value: CellValue): string {
  return typeof value === "string"
    ? value
        .replace(/[\s（）()%％]/g, "")
        .replace(/\uFF08|\uFF09/g, "")
        .toLowerCase()
    : "";
}

const HEADER_INDEX = TEMPLATES.map((template) => ({
  template,
  byHeader: new Map(
    template.columns.flatMap((c) => [c.header["zh-CN"], c.header.en].map((h) => [normalizeHeader(h), c.key] as const)),
  ),
}));

function matchHeader(line: readonly CellValue[]): { template: TemplateDefinition; columns: Map<string, number> } | undefined {
  let best: { template: TemplateDefinition; columns: Map<string, number> } | undefined;
  for (const { template, byHeader } of HEADER_INDEX) {
    const columns = new Map<string, number>();
    line.forEach((value, i) => {
      const key = byHeader.get(normalizeHeader(value));
      if (key && !columns.has(key)) columns.set(key, i);
    });
    const needed = Math.min(3, template.columns.length);
    const anchor = ANCHORS[template.key];
    if (anchor && !columns.has(anchor)) continue;
    if (columns.size >= needed && (!best || columns.size > best.columns.size)) best = { template, columns };
  }
  return best;
}

/** Finds the template header in the first rows of a sheet; undefined when the sheet is not one of ours. */
export function readSheetTable(grid: SheetGrid): SheetTable | undefined {
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.values.length); r++) {
    const match = matchHeader(grid.values[r] ?? []);
    if (!match) continue;
    // The columns as two arrays read by index: iterating the map per row allocated an entry pair per cell,
    // a tenth of reading 50,000 rows.
    const keys = [...match.columns.keys()];
    const cols = [...match.columns.values()];
    const rows: TableRow[] = [];
    for (let i = r + 1; i < grid.values.length; i++) {
      const line = grid.values[i] ?? [];
      const cells: Record<string, CellValue> = {};
      let filled = false;
      for (let k = 0; k < keys.length; k++) {
        const v = line[cols[k]] ?? null;
        cells[keys[k]] = v;
        if (v !== null && !(typeof v === "string" && v.trim() === "")) filled = true;
      }
      if (filled) rows.push({ sheetRow: grid.row + i, cells });
    }
    const columns = new Map([...match.columns].map(([key, col]) => [key, grid.column + col] as const));
    return { sheet: grid.name, template: match.template.key, headerRow: grid.row + r, columns, rows };
  }
  return undefined;
}

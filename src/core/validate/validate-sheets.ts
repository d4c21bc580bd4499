import type { TemplateKey } from "../templates/template.types";
import type { Finding } from "./finding";
import { SheetValidator } from "./sheet-validator";
import { readSheetTable, type SheetGrid, type SheetTable } from "../sheet/sheet-table";
import type { ValidationInput } from "./validation-settings";

export type { ValidationInput };

export interface SheetValidation {
  readonly sheet: string;
  readonly template: TemplateKey;
  readonly findings: readonly Finding[];
}

/** Validates one recognised sheet with the rules of its template. */
export function validateSheetTable(table: SheetTable, input: ValidationInput): Finding[] {
  return new SheetValidator(table, input).validateAll();
}

/** Recognises each sheet by its header row and validates the ones that are playbook sheets. */
export function validateSheets(grids: readonly SheetGrid[], input: ValidationInput): SheetValidation[] {
  const out: SheetValidation[] = [];
  for (const grid of grids) {
    const table = readSheetTable(grid);
    if (table) out.push({ sheet: grid.name, template: table.template, findings: validateSheetTable(table, input) });
  }
  return out;
}

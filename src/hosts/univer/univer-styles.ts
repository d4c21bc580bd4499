import {
  BooleanNumber,
  HorizontalAlign,
  VerticalAlign,
  WrapStrategy,
  type IColorStyle,
  type IStyleData,
  type Nullable,
} from "@univerjs/core";
import type { RangeRef } from "../../core/cell/a1";

/**
 * How a cell looks, as the workbench carries it between Univer's grid and a file: the fonts, fills
 * and alignment the user (or the add-in) set. Number formats travel on their own (`numberFormats`).
 * Colours are "#RRGGBB"; sizes in points.
 */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  readonly fontName?: string;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
}

/** A style on one cell (0-based). */
export interface StyledCell {
  readonly row: number;
  readonly column: number;
  readonly style: CellStyle;
}

/** A note on one cell (0-based), as the user wrote it in the file. */
export interface CellNote {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** The sheet's merged blocks. */
export type Merges = readonly RangeRef[];

const HORIZONTAL: Readonly<Record<NonNullable<CellStyle["horizontal"]>, HorizontalAlign>> = {
  left: HorizontalAlign.LEFT,
  center: HorizontalAlign.CENTER,
  right: HorizontalAlign.RIGHT,
};

const VERTICAL: Readonly<Record<NonNullable<CellStyle["vertical"]>, VerticalAlign>> = {
  top: VerticalAlign.TOP,
  middle: VerticalAlign.MIDDLE,
  bottom: VerticalAlign.BOTTOM,
};

function keyOf<K extends string, V>(table: Readonly<Record<K, V>>, value: V | null | undefined): K | undefined {
  return (Object.keys(table) as K[]).find((key) => table[key] === value);
}

/** "#RRGGBB" from Univer's colour ("#RGB", "#RRGGBB", "rgb(r, g, b)", "rgba(…)"); theme colours are left out. */
export function hexColor(color: Nullable<IColorStyle>): string | undefined {
  const rgb = color?.rgb?.trim();
  if (!rgb) return undefined;
  const hex = /^#?([0-9a-f]{6})$/i.exec(rgb) ?? /^#?([0-9a-f]{3})$/i.exec(rgb);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
    return `#${digits.toUpperCase()}`;
  }
  const parts = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(rgb);
  if (!parts || (parts[4] !== undefined && Number(parts[4]) === 0)) return undefined;
  return `#${parts
    .slice(1, 4)
    .map((n) => Math.min(255, Number(n)).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

/** The parts of Univer's cell style the workbench carries; undefined when none is set. */
export function styleFromUniver(style: Nullable<IStyleData>): CellStyle | undefined {
  if (!style) return undefined;
  const out: { -readonly [K in keyof CellStyle]: CellStyle[K] } = {};
  if (style.bl === BooleanNumber.TRUE) out.bold = true;
  if (style.it === BooleanNumber.TRUE) out.italic = true;
  if (style.ul?.s === BooleanNumber.TRUE) out.underline = true;
  if (style.st?.s === BooleanNumber.TRUE) out.strike = true;
  if (style.ff) out.fontName = style.ff;
  if (style.fs) out.fontSize = style.fs;
  const color = hexColor(style.cl);
  if (color && color !== "#000000") out.fontColor = color;
  const fill = hexColor(style.bg);
  if (fill) out.fill = fill;
  if (style.tb === WrapStrategy.WRAP) out.wrap = true;
  const horizontal = keyOf(HORIZONTAL, style.ht);
  if (horizontal) out.horizontal = horizontal;
  const vertical = keyOf(VERTICAL, style.vt);
  if (vertical) out.vertical = vertical;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A style as Univer's, for a workbook snapshot. */
export function styleToUniver(style: CellStyle): IStyleData {
  return {
    ...(style.bold ? { bl: BooleanNumber.TRUE } : {}),
    ...(style.italic ? { it: BooleanNumber.TRUE } : {}),
    ...(style.underline ? { ul: { s: BooleanNumber.TRUE } } : {}),
    ...(style.strike ? { st: { s: BooleanNumber.TRUE } } : {}),
    ...(style.fontName ? { ff: style.fontName } : {}),
    ...(style.fontSize ? { fs: style.fontSize } : {}),
    ...(style.fontColor ? { cl: { rgb: style.fontColor } } : {}),
    ...(style.fill ? { bg: { rgb: style.fill } } : {}),
    ...(style.wrap ? { tb: WrapStrategy.WRAP } : {}),
    ...(style.horizontal ? { ht: HORIZONTAL[style.horizontal] } : {}),
    ...(style.vertical ? { vt: VERTICAL[style.vertical] } : {}),
  };
}

import { formatAmount } from "../../i18n/format";
import { bilingual, type Bilingual } from "../../i18n/locale";
import { FIELD_LABELS } from "../../i18n/field-labels";
import type { DealField } from "./fields";
import type { DealSheet } from "./records";
import { statusNotes } from "./status-notes";

/** The part of a report a note belongs next to. */
export type NoteSection = "data" | "longitudinal" | "reps" | "customers";

export interface ReadingNote {
  readonly section: NoteSection;
  readonly text: Bilingual;
  /** True when the note only says how something was read: nothing was left out or guessed (the pane shows it as information). */
  readonly info?: boolean;
}

const s = bilingual;

/** What a missing column costs, said next to the section it affects. */
const MISSING: Partial<Record<DealField, { section: NoteSection; text: Bilingual }>> = {
  customer: {
    section: "customers",
    text: s(
      "没有客户列：客户数、新老客户和复购无法计算。请指定客户列（命令行：--map customer=列名）。",
      "No customer column: customer counts, new and returning customers and repeat purchase are not available. Map it (command line: --map customer=Header).",
    ),
  },
  customerType: {
    section: "customers",
    text: s(
      "没有客户类型列：所有客户归为“—”一类。请指定客户类型列，如“行业”或“客户级别”（命令行：--map customerType=列名）。",
      'No customer type column: every customer is counted under "—". Map one such as Industry or Segment (command line: --map customerType=Header).',
    ),
  },
  status: {
    section: "customers",
    text: s(
      "没有状态列：每一行都按已成交计，成交率无法计算。请指定状态或阶段列（命令行：--map status=列名）。",
      "No status column: every line counts as won and close rates are not available. Map the status or stage column (command line: --map status=Header).",
    ),
  },
  rep: {
    section: "reps",
    text: s(
      "没有负责人列：无法做成员对比。请指定负责人列（命令行：--map rep=列名）。",
      "No owner column: reps cannot be compared. Map it (command line: --map rep=Header).",
    ),
  },
  orderId: {
    section: "data",
    text: s("没有订单号列：每一行按一个订单计。", "No order number column: each line counts as one order."),
  },
};

/** The rows the analysis did not use, by reason, and the lines that are pipeline rather than revenue. */
export function readingNotes(deals: DealSheet, hasActivity: boolean): ReadingNote[] {
  const notes: ReadingNote[] = [];
  if (!deals.headerFound) {
    notes.push({
      section: "data",
      text: s(
        "前30行里没有同时含日期和金额的表头行：已按第一行读取。请指定列映射（命令行：--map date=列名 --map amount=列名）。",
        "No header row with both a date and an amount in the first 30 rows: the first row was read as the header. Map the columns (command line: --map date=Header --map amount=Header).",
      ),
    });
  }
  if (deals.ambiguousDates > 0 && deals.dateOrderSource === "default") {
    notes.push({
      section: "data",
      text: s(
        `${deals.ambiguousDates}个日期（如03/04/2026）既可读作月/日也可读作日/月，已按月在前读取；如果是日在前，请用 --date-order dmy。`,
        `${deals.ambiguousDates} date(s) such as 03/04/2026 read either way: they were read month first; if they are day first, use --date-order dmy.`,
      ),
    });
  } else if (deals.dateOrderSource === "data" && deals.dateOrder !== "ymd") {
    notes.push({
      section: "data",
      text:
        deals.dateOrder === "dmy"
          ? s(
              "日期按日在前读取（如03/11/2026为11月3日）：数据中有日数大于12的日期。",
              "Dates were read day first (03/11/2026 is 3 November): some have a first part over 12.",
            )
          : s(
              "日期按月在前读取（如11/03/2026为11月3日）：数据中有日数大于12的日期。",
              "Dates were read month first (11/03/2026 is 3 November): some have a second part over 12.",
            ),
    });
  }
  notes.push(...statusNotes(deals));
  for (const field of deals.mapping.missing) {
    const note = MISSING[field];
    if (note) notes.push(note);
  }
  for (const field of ["date", "amount"] as const) {
    const behind = deals.mapping.fallbacks[field];
    const header = deals.mapping.headers[field];
    if (!behind || header === undefined) continue;
    // An order's payment time blank until paid, an actual close date blank until won: the other column stands in.
    notes.push({
      section: "data",
      text: s(
        `${FIELD_LABELS[field]["zh-CN"]}取自“${header}”；该列为空的行取“${behind.header}”。`,
        `The ${FIELD_LABELS[field].en.toLowerCase()} is read from "${header}"; where it is blank, from "${behind.header}".`,
      ),
    });
  }
  if (!hasActivity) {
    notes.push({
      section: "longitudinal",
      text: s(
        "没有过程数据（电话、拜访、跟进、方案）：诊断只用成交数据。可添加一张含日期、负责人和过程数量的表。",
        "No activity data (calls, visits, follow-ups, proposals): the diagnosis uses deals only. Add a sheet with a date, an owner and the counts.",
      ),
    });
  }
  const rows = (r: { rows: readonly number[] }) => r.rows.join(", ");
  const reasons: [{ count: number; rows: readonly number[] }, Bilingual][] = [
    [deals.rejected.noDate, s("缺少日期", "no date")],
    [deals.rejected.noAmount, s("缺少金额", "no amount")],
    [deals.rejected.noCustomer, s("缺少客户", "no customer")],
    [deals.skipped.total, s("合计/小计行", "total or subtotal rows")],
    [deals.skipped.note, s("标题、备注或页脚行", "titles, notes or footers")],
    [deals.skipped.example, s("模板示例行，负责人为“*某”", 'the template\'s example rows, owner "*某"')],
  ];
  for (const [r, why] of reasons) {
    if (r.count === 0) continue;
    notes.push({
      section: "data",
      text: s(
        `未计入${r.count}行（${why["zh-CN"]}，如第${rows(r)}行）。`,
        `${r.count} row(s) left out (${why.en}, e.g. rows ${rows(r)}).`,
      ),
    });
  }
  if (deals.pipeline.length > 0) {
    const orders = new Set(deals.pipeline.map((l) => l.orderKey)).size;
    const value = deals.pipeline.reduce((a, l) => a + l.amount, 0);
    notes.push({
      section: "data",
      text: s(
        `在途商机${orders}个（未赢单、未输单，或日期在今天之后），金额${formatAmount(value)["zh-CN"]}：不计入销售额和成交率。`,
        `${orders} open deal(s) (neither won nor lost, or dated after today) worth ${formatAmount(value).en}: not counted as revenue or in close rates.`,
      ),
    });
  }
  return notes;
}

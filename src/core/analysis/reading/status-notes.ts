import { bilingual, type Bilingual } from "../../i18n/locale";
import type { StatusClass, StatusSummary } from "./deal-status";
import type { DealSheet } from "./records";

interface Note {
  readonly section: "data";
  readonly text: Bilingual;
  readonly info?: boolean;
}

const s = bilingual;

const CLASS_WORDS: Record<StatusClass, Bilingual> = {
  won: s("成交", "won"),
  booked: s("已下单（计入销售额和成交）", "booked order (revenue, won)"),
  lost: s("输单", "lost"),
  open: s("在途", "open pipeline"),
  unknown: s("未识别（计入销售额，不计成交率）", "unknown (revenue, no outcome)"),
};

const CLASS_ORDER: readonly StatusClass[] = ["won", "booked", "lost", "open", "unknown"];

const quoted = (x: StatusSummary) => ({ zh: `“${x.text || "（空）"}”`, en: `"${x.text || "(blank)"}"` });

/** Up to `max` values with their lines, and how many more values and lines there were. */
function listed(values: readonly StatusSummary[], max: number): Bilingual {
  const shown = values.slice(0, max);
  const rest = values.slice(max);
  const restLines = rest.reduce((a, x) => a + x.lines, 0);
  return s(
    shown.map((x) => `${quoted(x).zh}${x.lines}行`).join("、") +
      (rest.length > 0 ? `，另有${rest.length}个值共${restLines}行` : ""),
    shown.map((x) => `${quoted(x).en} ${x.lines} line(s)`).join(", ") +
      (rest.length > 0 ? `, and ${rest.length} more value(s) on ${restLines} line(s)` : ""),
  );
}

/**
 * What the status column said, value by value: the classes read, the values guessed (unknown ones counted as
 * revenue, "On Hold" decided by the column) with their lines and how to classify them, a column that never
 * says lost, order ids shared by customers, and the customer id read behind the names shown.
 */
export function statusNotes(deals: DealSheet): Note[] {
  const notes: Note[] = [];
  const note = (text: Bilingual, info = false) => notes.push({ section: "data", text, ...(info ? { info } : {}) });
  const all = deals.statuses;
  if (all.length > 0) {
    const parts = CLASS_ORDER.flatMap((cls) => {
      const values = all.filter((x) => x.class === cls);
      if (values.length === 0) return [];
      // The values that take revenue out are named (up to 12); the others up to 4.
      const list = listed(values, cls === "lost" || cls === "open" ? 12 : 4);
      return [s(`${CLASS_WORDS[cls]["zh-CN"]}：${list["zh-CN"]}`, `${CLASS_WORDS[cls].en}: ${list.en}`)];
    });
    note(
      s(
        `状态列的读法：${parts.map((p) => p["zh-CN"]).join("；")}。`,
        `How the status column was read: ${parts.map((p) => p.en).join("; ")}.`,
      ),
      !all.some((x) => x.assumed),
    );
  }
  const unknown = all.filter((x) => x.class === "unknown");
  if (unknown.length > 0) {
    const example = unknown[0].text;
    const values = listed(unknown, 10);
    note(
      s(
        `状态列有无法识别的值，已计入销售额、不计入成交率：${values["zh-CN"]}。如不对，请为它们指定分类（won 成交、lost 输单、open 在途、booked 已下单）：命令行 --status "${example}=lost"，或任务窗格的“状态分类”。`,
        `Status values not recognised, counted as revenue with no outcome (left out of close rates): ${values.en}. If that is wrong, classify them (won, lost, open or booked): --status "${example}=lost" on the command line, or the pane's status classes.`,
      ),
    );
  }
  for (const x of all.filter((v) => v.assumed && v.class !== "unknown")) {
    const booked = x.class === "booked";
    const other = booked ? "open" : "booked";
    note(
      s(
        `${quoted(x).zh}${x.lines}行按${booked ? "已下单（计入销售额）" : "在途（不计入销售额）"}读取：状态列${booked ? "有订单状态、没有商机阶段" : "有商机阶段或没有订单状态"}。如不对，请用 --status "${x.text}=${other}"，或任务窗格的“状态分类”。`,
        `${quoted(x).en} (${x.lines} line(s)) was read as ${booked ? "a booked order (revenue)" : "open pipeline (not revenue)"}: the status column ${booked ? "holds order states and no CRM stage" : "holds CRM stages or no order state"}. If that is wrong: --status "${x.text}=${other}" on the command line, or the pane's status classes.`,
      ),
    );
  }
  if (deals.onlyWon) {
    note(
      s(
        "状态列里没有输单，每个已结的行都是成交：成交率无法计算（不显示为100%）。",
        "Every decided row is won (the status column holds no lost deal): close rates cannot be computed, so none is shown.",
      ),
    );
  }
  if (deals.sharedOrderIds > 0) {
    note(
      s(
        `${deals.sharedOrderIds}个订单号被不同客户共用：按（订单号，客户）分别计为不同订单。`,
        `${deals.sharedOrderIds} order id(s) were used by more than one customer: each (order id, customer) pair counts as an order of its own.`,
      ),
    );
  }
  const idHeader = deals.mapping.headers.customer;
  if (deals.customerName && idHeader) {
    note(
      s(
        `客户按“${idHeader}”区分，显示“${deals.customerName}”。`,
        `Customers are told apart by "${idHeader}" and shown by "${deals.customerName}".`,
      ),
      true,
    );
  }
  return notes;
}

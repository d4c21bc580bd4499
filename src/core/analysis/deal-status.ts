import type { CellValue } from "../cell/cell-value";
import { normalizeText } from "../parse/parse-result";

export type DealStatus = "won" | "lost" | "open";

/** What a status text says on its own: an outcome, an open pipeline stage, an order not yet approved, or nothing known. */
export type StatusKind = "won" | "lost" | "stage" | "pending" | "closed" | "unknown";

/** How a line's status was counted: "booked" is revenue with no outcome recorded (status undefined). */
export type StatusCount = DealStatus | "booked";

/** One distinct value of the status column, with how many deal lines held it and how it was counted. */
export interface StatusSummary {
  readonly text: string;
  readonly lines: number;
  readonly status: StatusCount;
}

// Outcomes, at the start of the text so a reason may follow: "Closed Lost - Competitor", "输单-价格", "丢单（价格）".
const WON =
  /^(?:closed[\s_-]*)?(?:won|win)(?![a-z])|^(?:赢单|成交|已成交|签约|已签约|签单|已签单|完成|已完成|成功|已赢单|赢)(?:$|[\s\-_—:：(（,，/])|^(?:shipped|delivered|invoiced|paid|fulfilled|completed?|partially[\s_-]*(?:shipped|delivered|invoiced|paid)|fully[\s_-]*delivered)(?![a-z])|^(?:已|部分)(?:发货|出库|开票|收款|付款|回款|结算|签收|交付|审核)|^(?:审核通过|已生效|生效)/i;
const LOST =
  /^(?:closed[\s_-]*)?(?:lost|lose|loss)(?![a-z])|^(?:cancell?ed|cancel|out[\s_-]*sold|deleted|void|voided|rejected|abandoned|disqualified)(?![a-z])|^(?:丢单|输单|失败|已丢单|已输单|流失|取消|已取消|作废|已作废|撤销|已撤销|放弃|已放弃|终止|已终止|退单|已退单|无效|关闭-?输|赢单失败)|(?:丢单|输单|失败)$/i;
// Pipeline stages of CRM exports (Salesforce, HubSpot's internal names, Zoho, Dynamics, Pipedrive, Chinese CRMs).
const STAGE =
  /^(?:prospect|qualif|needs?[\s_-]*analysis|value[\s_-]*proposition|id\.?[\s_-]*decision|identify|perception|proposal|price[\s_-]*quote|quot|negotiat|review|appointment|presentation|decision[\s_-]*maker|contract[\s_-]*sent|discovery|demo|develop|propose|in[\s_-]*progress|on[\s_-]*hold|open|lead|new|commit|best[\s_-]*case|pipeline|solution|evaluation|poc|trial)|谈判|跟进|报价|意向|洽谈|接洽|接触|需求|方案|投标|招标|立项|线索|初访|沟通|演示|试用|进行中|签约中|签单中|待签|拟签|验证|商务|评估/i;
// Done, without saying how: booked revenue in any column (an ERP's closed order), never an open stage.
const CLOSED = /^(?:closed|已关闭|关闭|已结案|结案|已完结|完结|已结束|结束)$/i;
// Orders not yet approved: not revenue, and no sign that the column holds pipeline stages.
const PENDING = /^(?:draft|pending|submitted|saved|未审核|待审核|审核中|审批中|待审批|已提交|提交|草稿|暂存|保存|新建|创建)/i;

/** The status a text says on its own, case and surrounding spaces ignored. */
export function classifyStatusText(text: string): StatusKind {
  const t = normalizeText(text);
  if (!t) return "unknown";
  if (LOST.test(t)) return "lost";
  if (WON.test(t)) return "won";
  if (CLOSED.test(t)) return "closed";
  if (PENDING.test(t)) return "pending";
  return STAGE.test(t) ? "stage" : "unknown";
}

/** The outcome a status cell says on its own: unknown texts say nothing (undefined). */
export function readStatus(value: CellValue): DealStatus | undefined {
  const kind = classifyStatusText(normalizeText(value));
  if (kind === "stage" || kind === "pending") return "open";
  return kind === "unknown" || kind === "closed" ? undefined : kind;
}

/**
 * Reads one status column. The column is judged as a whole first: when it holds any pipeline stage, a
 * text it does not recognise is one more stage (open); otherwise (an order export) it is booked revenue.
 */
export interface StatusColumnReader {
  /** True when the column held pipeline stages. */
  readonly pipeline: boolean;
  read(value: CellValue | undefined): DealStatus | undefined;
  /** Counts one deal line under its status text. */
  count(value: CellValue | undefined, status: DealStatus | undefined): void;
  /** The distinct texts, most frequent first, at most `max`. */
  summary(max?: number): readonly StatusSummary[];
}

export function createStatusColumnReader(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  column: number | undefined,
): StatusColumnReader {
  // Per raw cell value: a status column holds a handful of distinct texts, read once each.
  const known = new Map<CellValue | undefined, { kind: StatusKind; text: string; key: string; blank: boolean }>();
  const infoOf = (value: CellValue | undefined) => {
    let info = known.get(value);
    if (info === undefined) {
      const text = normalizeText(value ?? "");
      info = { kind: classifyStatusText(text), text, key: text.toLowerCase(), blank: text === "" };
      known.set(value, info);
    }
    return info;
  };
  let pipeline = false;
  if (column !== undefined) {
    for (let r = firstRow; r < values.length && !pipeline; r++) pipeline = infoOf(values[r]?.[column]).kind === "stage";
  }
  const counts = new Map<string, { text: string; lines: number; status: StatusCount }>();
  return {
    pipeline,
    read(value) {
      if (column === undefined) return undefined;
      const { kind, blank } = infoOf(value);
      if (kind === "won" || kind === "lost") return kind;
      if (kind === "stage" || kind === "pending") return "open";
      return pipeline && kind === "unknown" && !blank ? "open" : undefined;
    },
    count(value, status) {
      if (column === undefined) return;
      const { text, key } = infoOf(value);
      const entry = counts.get(key);
      if (entry) entry.lines++;
      else counts.set(key, { text, lines: 1, status: status ?? "booked" });
    },
    summary(max = 20) {
      return [...counts.values()].sort((a, b) => b.lines - a.lines).slice(0, max);
    },
  };
}

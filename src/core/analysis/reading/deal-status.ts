import type { CellValue } from "../../cell/cell-value";
import { normalizeText } from "../../parse/parse-result";

/** A deal line's outcome: won (revenue, won in close rates), lost (neither), open (pipeline: neither yet). */
export type DealStatus = "won" | "lost" | "open";

/**
 * What one status value means to the business: `won` and `booked` (an order exists: shipped, in process,
 * invoiced, paid in part...) are revenue and won in close rates; `lost` is neither, whatever its amount;
 * `open` is pipeline; `unknown` (no word of these) is revenue with no outcome, and said so in the notes.
 */
export type StatusClass = "won" | "lost" | "open" | "booked" | "unknown";
/** The classes a user can give a value (`--status "On Hold=booked"`, the pane's status panel). */
export type ChosenStatusClass = Exclude<StatusClass, "unknown">;
export const CHOSEN_STATUS_CLASSES: readonly ChosenStatusClass[] = ["won", "lost", "open", "booked"];
/** Status text -> the class the user chose, the text matched without case and surrounding spaces. */
export type StatusMap = Readonly<Record<string, ChosenStatusClass>>;

/** What a status text says on its own: "stage" is a CRM pipeline stage, "pending" an order not yet approved. */
export type StatusWord = "won" | "lost" | "booked" | "stage" | "pending" | "onHold" | "unknown";

/** One distinct value of the status column, with how many deal lines held it and how it was counted. */
export interface StatusSummary {
  readonly text: string;
  readonly lines: number;
  readonly class: StatusClass;
  /** True when the class is a guess: an unknown value (counted as revenue) or "On Hold" decided by the column. */
  readonly assumed: boolean;
}

const END = String.raw`(?:$|[\s\-_—:：(（,，/])`;
// Outcomes, at the start of the text so a reason may follow: "Closed Lost - Competitor", "输单-价格", "丢单（价格）".
const LOST = new RegExp(
  String.raw`^(?:closed[\s_-]*)?(?:lost|lose|loss)(?![a-z])|^(?:cancell?ed|cancel|out[\s_-]*sold|deleted|void|voided|rejected|abandoned|disqualified|no[\s_-]*sale|no[\s_-]*deal|refunded|fully[\s_-]*refunded|returned)(?![a-z])|^closed[\s_-]*(?:without|no)[\s_-]*(?:sale|deal)|^(?:丢单|输单|失败|已丢单|已输单|流失|取消|已取消|作废|已作废|撤销|已撤销|放弃|已放弃|终止|已终止|退单|已退单|已退款|退款成功|全额退款|无效|关闭-?输|赢单失败|未成交|交易失败)|^(?:交易关闭|订单关闭|已关闭|关闭)${END}|(?<!退款)(?:丢单|输单|失败)$`,
  "i",
);
const WON = new RegExp(
  String.raw`^(?:closed[\s_-]*)?(?:won|win)(?![a-z])|^(?:赢单|成交|已成交|签约|已签约|签单|已签单|完成|已完成|成功|交易成功|已赢单|赢)${END}|^(?:completed?)(?![a-z])`,
  "i",
);
// Order states of order exports (ERP, Kaggle's sample sales data, Taobao): an order exists, so it is revenue.
const BOOKED = new RegExp(
  String.raw`^(?:shipped|delivered|invoiced|paid|fulfilled|dispatched|billed|approved|confirmed|in[\s_-]*process|processing|resolved|disputed|partially[\s_-]*(?:shipped|delivered|invoiced|paid|refunded)|fully[\s_-]*(?:delivered|invoiced|paid))(?![a-z])|^(?:已|部分)(?:发货|出库|开票|收款|付款|回款|结算|签收|交付|审核|收清|确认)|^(?:卖家已发货|买家已付款|等待卖家发货|待发货|等待发货|等待出库|待出库|出库中|配送中|运输中|部分退款|已部分退款|退款失败|待收货|待收款|待回款|待开票|未收款|收清|审核通过|已生效|生效|结案|已结案|完结|已完结|执行中|交易中)`,
  "i",
);
// A held order or a paused deal: which one depends on the rest of the column.
const ON_HOLD = /^(?:on[\s_-]*hold|hold|held|暂停|挂起|搁置|暂缓)/i;
// Pipeline stages of CRM exports (Salesforce, HubSpot's internal names, Zoho, Dynamics, Pipedrive, Maven, Chinese CRMs).
const STAGE =
  /^(?:prospect|qualif|engag|needs?[\s_-]*analysis|value[\s_-]*proposition|id\.?[\s_-]*decision|identify|perception|proposal|price[\s_-]*quote|quot|negotiat|review|appointment|presentation|decision[\s_-]*maker|contract[\s_-]*sent|discovery|demo|develop|propose|in[\s_-]*progress|open|lead|new|commit|best[\s_-]*case|pipeline|solution|evaluation|poc|trial)|谈判|跟进|报价|意向|洽谈|接洽|接触|需求|方案|投标|招标|立项|线索|初访|沟通|演示|试用|进行中|签约中|签单中|待签|拟签|验证|商务|评估/i;
// Orders not yet approved or paid: not revenue, and no sign that the column holds pipeline stages.
const PENDING =
  /^(?:draft|pending|submitted|saved|awaiting[\s_-]*payment|unpaid|未审核|待审核|审核中|审批中|待审批|已提交|提交|草稿|暂存|保存|新建|创建|等待买家付款|待付款|待买家付款)/i;

/** How many status values a list shows (the JSON, the pane), most lines first: a free-text column may hold thousands; the notes count them all. */
export const LISTED_STATUSES = 100;

/** The key a status text is counted and matched under: case and surrounding spaces ignored. */
export function statusKey(value: unknown): string {
  return normalizeText(value ?? "").toLowerCase();
}

/** What a status text says on its own, case and surrounding spaces ignored. */
export function classifyStatusText(text: string): StatusWord {
  const t = normalizeText(text);
  if (!t) return "unknown";
  if (LOST.test(t)) return "lost";
  if (WON.test(t)) return "won";
  if (BOOKED.test(t)) return "booked";
  if (ON_HOLD.test(t)) return "onHold";
  if (PENDING.test(t)) return "pending";
  return STAGE.test(t) ? "stage" : "unknown";
}

const WORD_CLASS: Record<Exclude<StatusWord, "onHold">, StatusClass> = {
  won: "won",
  lost: "lost",
  booked: "booked",
  stage: "open",
  pending: "open",
  unknown: "unknown",
};

/** The outcome a class stands for in the figures: booked orders are won; an unknown value says nothing. */
export function outcomeOf(cls: StatusClass): DealStatus | undefined {
  return cls === "booked" ? "won" : cls === "unknown" ? undefined : cls;
}

/**
 * Reads one status column, each distinct value on its own: the user's class first, else what its words say.
 * Only "On Hold" looks at the rest of the column: booked when it holds order states and no CRM stage, else open.
 */
export interface StatusColumnReader {
  classOf(value: CellValue | undefined): StatusClass;
  /** Counts one deal line under its status text. */
  count(value: CellValue | undefined): void;
  /** The distinct texts counted, most lines first. */
  summary(): readonly StatusSummary[];
}

type StatusCount = { text: string; lines: number; class: StatusClass; assumed: boolean };

/** What one raw status value says; `cls` and `entry` are filled in as the lines ask. */
interface StatusInfo {
  readonly word: StatusWord;
  readonly text: string;
  readonly key: string;
  readonly user?: ChosenStatusClass;
  cls?: StatusClass;
  entry?: StatusCount;
}

export function createStatusColumnReader(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  column: number | undefined,
  chosen: StatusMap = {},
): StatusColumnReader {
  const userClass = new Map(Object.entries(chosen).map(([text, cls]) => [statusKey(text), cls]));
  // Per raw cell value: a status column holds a handful of distinct texts, read once each. Each keeps its class and
  // its count's entry once known, and the last value asked about is kept: a line asks for both, and a judgement
  // object and three map lookups per line made the bench's 100,000 lines cost 7.0 ms here, now 4.0.
  const words = new Map<CellValue | undefined, StatusInfo>();
  // The value last asked about: a line asks twice (its class, then its count), and neighbouring lines often agree.
  let lastValue: CellValue | undefined;
  let lastInfo: StatusInfo | undefined;
  const infoOf = (value: CellValue | undefined) => {
    if (lastInfo !== undefined && value === lastValue) return lastInfo;
    let info = words.get(value);
    if (info === undefined) {
      const text = normalizeText(value ?? "");
      const key = statusKey(text);
      info = { word: classifyStatusText(text), text, key, user: userClass.get(key) };
      words.set(value, info);
    }
    lastValue = value;
    return (lastInfo = info);
  };
  let stages = false;
  let orderStates = false;
  if (column !== undefined) {
    for (let r = firstRow; r < values.length; r++) {
      const info = infoOf(values[r]?.[column]);
      if (info.user === undefined && info.word === "stage") stages = true;
      if ((info.user ?? info.word) === "booked") orderStates = true;
    }
  }
  const holdClass: StatusClass = orderStates && !stages ? "booked" : "open";
  const judge = (info: { word: StatusWord; user?: ChosenStatusClass }): { cls: StatusClass; assumed: boolean } => {
    if (info.user !== undefined) return { cls: info.user, assumed: false };
    if (info.word === "onHold") return { cls: holdClass, assumed: true };
    const cls = WORD_CLASS[info.word];
    return { cls, assumed: cls === "unknown" };
  };
  const counts = new Map<string, StatusCount>();
  return {
    classOf(value) {
      if (column === undefined) return "unknown";
      const info = infoOf(value);
      return (info.cls ??= judge(info).cls);
    },
    count(value) {
      if (column === undefined) return;
      const info = infoOf(value);
      // Texts of one key ("Won", "won ") share its entry.
      let entry = info.entry ?? counts.get(info.key);
      if (entry) entry.lines++;
      else {
        const { cls, assumed } = judge(info);
        counts.set(info.key, (entry = { text: info.text, lines: 1, class: cls, assumed }));
      }
      info.entry = entry;
    },
    summary() {
      return [...counts.values()].sort((a, b) => b.lines - a.lines);
    },
  };
}

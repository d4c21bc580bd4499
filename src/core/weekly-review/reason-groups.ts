import { normalizeText } from "../parse/parse-result";
import { WordScanner } from "../parse/word-scanner";

/**
 * Common causes of a missed week, each with the words people write for it (zh-CN and English,
 * lower-case). A reason belongs to every cause whose word it contains.
 */
export const REASON_THEMES = {
  unreachable: [
    "未接听",
    "没接",
    "不接",
    "没人接",
    "无人接听",
    "接通率",
    "打不通",
    "联系不上",
    "联系不到",
    "空号",
    "拒接",
    "no answer",
    "not answer",
    "unanswered",
    "unreachable",
    "pick up",
    "could not reach",
    "couldn't reach",
    "not reach",
  ],
  price: ["价格", "报价高", "太贵", "嫌贵", "折扣", "降价", "比价", "price", "pricing", "expensive", "discount"],
  product: ["产品", "功能", "产品知识", "不熟悉", "product", "feature"],
  delivery: ["交付", "交期", "发货", "缺货", "库存", "物流", "延迟", "delivery", "shipping", "out of stock", "stock", "delay"],
  leads: ["名单", "线索", "客源", "客户资源", "商机少", "商机不足", "lead", "prospect", "pipeline"],
  time: [
    "会议",
    "开会",
    "出差",
    "请假",
    "病假",
    "培训占用",
    "时间不够",
    "内部事务",
    "meeting",
    "travel",
    "sick",
    "admin",
    "paperwork",
  ],
  season: ["假期", "节假日", "放假", "国庆", "春节", "中秋", "淡季", "holiday", "vacation", "off-season", "season"],
  competitor: ["竞品", "竞争", "对手", "competitor", "competition"],
  decision: ["决策", "审批", "采购流程", "采购周期", "预算", "领导", "approval", "decision", "budget", "procurement"],
  tools: ["crm", "系统", "电脑", "网络", "system", "software", "network"],
} as const;

export type ReasonTheme = keyof typeof REASON_THEMES;

const WORD_TO_THEME = new Map<string, ReasonTheme>(
  (Object.entries(REASON_THEMES) as [ReasonTheme, readonly string[]][]).flatMap(([theme, words]) =>
    words.map((w) => [w, theme] as const),
  ),
);
const THEME_SCANNER = new WordScanner(WORD_TO_THEME.keys(), "start");

/** One rep's reason for a missed week. */
export interface RepReason {
  readonly owner: string;
  readonly text: string;
}

/** Reasons grouped as one cause: a theme of `REASON_THEMES`, or reasons that share their words. */
export interface ReasonGroup {
  /** The theme, or undefined for reasons grouped by shared words (`example` then names the group). */
  readonly theme?: ReasonTheme;
  /** The first reason of the group, as written. */
  readonly example: string;
  /** Distinct reps, in the order they first gave a reason of the group. */
  readonly reps: readonly string[];
  readonly reasons: readonly RepReason[];
}

const STOP_WORDS = new Set(["the", "and", "for", "was", "were", "not", "did", "too", "with", "this", "that", "week", "of"]);

/** Keywords of a reason: its Chinese character pairs and its English words of three letters or more. */
export function reasonKeywords(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  const lower = normalizeText(text).toLowerCase();
  for (const run of lower.match(/[\u4e00-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const word of lower.match(/[a-z]{3,}/g) ?? []) if (!STOP_WORDS.has(word)) out.add(word);
  return out;
}

/** Reasons that name no theme belong together when they share at least half the keywords of the shorter one. */
export function shareKeywords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared * 2 >= Math.min(a.size, b.size);
}

export function themesOf(text: string): ReasonTheme[] {
  const themes: ReasonTheme[] = [];
  for (const hit of THEME_SCANNER.scan(normalizeText(text).toLowerCase())) {
    const theme = WORD_TO_THEME.get(hit.word)!;
    if (!themes.includes(theme)) themes.push(theme);
  }
  return themes;
}

/**
 * Groups reasons across reps, deterministically: (1) each reason joins every theme whose words it
 * contains; (2) a reason with no theme joins the first group of such reasons it shares keywords with
 * (`shareKeywords`), in the order given, else starts one. Groups are ordered by the number of reps
 * giving them (most first), then by theme order and first appearance.
 */
export function groupReasons(reasons: readonly RepReason[]): ReasonGroup[] {
  const themed = new Map<ReasonTheme, RepReason[]>();
  const loose: { keywords: Set<string>; reasons: RepReason[] }[] = [];
  for (const reason of reasons) {
    const themes = themesOf(reason.text);
    for (const theme of themes) themed.set(theme, [...(themed.get(theme) ?? []), reason]);
    if (themes.length > 0) continue;
    const keywords = reasonKeywords(reason.text);
    const group = loose.find((g) => g.reasons.some((r) => shareKeywords(reasonKeywords(r.text), keywords)));
    if (group) {
      group.reasons.push(reason);
      keywords.forEach((k) => group.keywords.add(k));
    } else loose.push({ keywords: new Set(keywords), reasons: [reason] });
  }
  const order = Object.keys(REASON_THEMES) as ReasonTheme[];
  const groups: ReasonGroup[] = [
    ...order.filter((t) => themed.has(t)).map((theme) => make(themed.get(theme)!, theme)),
    ...loose.map((g) => make(g.reasons)),
  ];
  // A stable sort keeps theme order, then first appearance, among groups with as many reps.
  return groups.sort((a, b) => b.reps.length - a.reps.length);
}

function make(reasons: readonly RepReason[], theme?: ReasonTheme): ReasonGroup {
  const reps = [...new Set(reasons.map((r) => r.owner))];
  return { ...(theme ? { theme } : {}), example: reasons[0].text, reps, reasons };
}

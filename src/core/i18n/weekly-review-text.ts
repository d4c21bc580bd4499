import type { ReasonTheme } from "../weekly-review/reason-groups";
import { bilingual, type Bilingual } from "./locale";

/** The words of the weekly review (周复盘): its sheet, the command line's table and the pane's result (the card's own words are in src/taskpane/i18n). */
export const WEEKLY_REVIEW_TEXT = {
  sheetName: bilingual("周复盘", "Weekly Review"),
  /** The block's first cell; the sheet's blocks are found again by it (`{week}`: the Monday, yyyy-mm-dd). */
  title: bilingual("周复盘 {week} ~ {friday}", "Weekly review {week} to {friday}"),
  threshold: bilingual("完成率阈值 {threshold}", "Completion threshold {threshold}"),
  summary: bilingual("一、小结", "1. Summary"),
  achievement: bilingual("二、业绩达成（每人每项指标）", "2. Achievement (each rep, each metric)"),
  reasons: bilingual("三、未完成原因（跨成员归类）", "3. Reasons for misses (grouped across reps)"),
  coaching: bilingual("四、一对一辅导", "4. One-to-one coaching"),
  followUps: bilingual("五、上周问题是否改善", "5. Did last week's problems improve"),
  none: bilingual("（无）", "(none)"),
  team: bilingual("团队", "Team"),
  // Column heads unlike any template's (负责人, 指标, 完成率, 状态), so the review sheet is never read as a tracker.
  owner: bilingual("成员", "Rep"),
  metric: bilingual("跟踪指标", "Tracked metric"),
  target: bilingual("本周目标", "Target"),
  done: bilingual("本周完成", "Done"),
  rate: bilingual("本周完成率", "Completion rate"),
  previousRate: bilingual("上周完成率", "Last week"),
  status: bilingual("判断", "Assessment"),
  statusBelow: bilingual("低于{threshold}", "Below {threshold}"),
  statusMet: bilingual("达标", "Met"),
  statusNoTarget: bilingual("无目标", "No target"),
  statusEmpty: bilingual("未填写", "Not filled in"),
  repsBelow: bilingual("{count}人低于{threshold}", "{count} below {threshold}"),
  reasonGroup: bilingual("原因", "Reason"),
  repCount: bilingual("成员数", "Reps"),
  reps: bilingual("成员", "Who"),
  examples: bilingual("原文", "As written"),
  suggestion: bilingual("建议", "Suggestion"),
  teamProblem: bilingual(
    "团队共性问题：{action}（手册第四步：资源支持）",
    "A team problem: {action} (the playbook's step 4: support)",
  ),
  individual: bilingual("在一对一沟通中跟进", "Follow up one to one"),
  why: bilingual("原因", "Why"),
  coachingWeeks: bilingual("连续{weeks}周未完成", "missed {weeks} {weeks|week|weeks} in a row"),
  coachingDays: bilingual("本周连续{days}天低于每日进度", "below the daily pace {days} {days|day|days} in a row this week"),
  rateNow: bilingual("本周", "This week"),
  verdict: bilingual("结论", "Verdict"),
  improved: bilingual("已改善（达到{threshold}）", "Improved (reached {threshold})"),
  better: bilingual("有提升，仍低于{threshold}", "Better, still below {threshold}"),
  notImproved: bilingual("未改善", "Not improved"),
  noData: bilingual("本周无数据", "No data this week"),
  listSeparator: bilingual("、", ", "),
  whySeparator: bilingual("；", "; "),
  coachingItem: bilingual("{owner} {metric}（{why}）", "{owner} {metric} ({why})"),
  reasonItem: bilingual("{owner}：{text}", "{owner}: {text}"),
  // Summary sentences.
  sayCompletion: bilingual(
    "本周{reps}人共{lines}项指标，{below}项低于{threshold}。",
    "This week {reps} {reps|rep|reps} tracked {lines} {lines|metric|metrics}; {below} {below|is|are} below {threshold}.",
  ),
  sayBelow: bilingual("低于{threshold}：{list}。", "Below {threshold}: {list}."),
  sayTeamReason: bilingual(
    "“{reason}”有{count}位成员提到（{reps}）：团队共性问题，建议{action}。",
    '"{reason}" was given by {count} {count|rep|reps} ({reps}): a team problem; {action}.',
  ),
  sayCoaching: bilingual("安排一对一辅导：{list}。", "Schedule one-to-one coaching: {list}."),
  sayFollowUps: bilingual(
    "上周低于{threshold}的{total}项：{improved}项已改善，{better}项有提升，{notImproved}项未改善，{noData}项本周无数据。",
    "Of last week's {total} {total|metric|metrics} below {threshold}: {improved} improved, {better} better but still below, {notImproved} not improved, {noData} without data this week.",
  ),
  sayNoPrevious: bilingual("上周没有低于{threshold}的指标。", "No metric was below {threshold} last week."),
  sayWithoutTarget: bilingual(
    "{count}行有完成数但没有本周目标，未计算完成率：请填写量化目标。",
    "{count} {count|row has|rows have} counts but no weekly target and {count|gets|get} no completion: enter a quantified target.",
  ),
  noTracker: bilingual(
    "没有找到周计划跟踪表（表头需有“负责人”“本周目标(量化)”和周一至周五完成情况）：请先插入模板或填写跟踪表。",
    "No weekly tracker found (a header row with Owner, Weekly Target and Mon to Fri Done): insert the templates or fill in the tracker first.",
  ),
  badWeek: bilingual(
    "“{value}”不是日期：请写成 YYYY-MM-DD，例如 2026-11-23。",
    '"{value}" is not a date: write it as YYYY-MM-DD, for example 2026-11-23.',
  ),
  newSheet: bilingual(
    "“{wanted}”里有不是周复盘的内容，本次写入新表“{sheet}”，原表未改动。",
    '"{wanted}" holds text that is not a weekly review; this review went to a new sheet "{sheet}" and that sheet was left as it is.',
  ),
} satisfies Record<string, Bilingual>;

/** What a cause's name is, and what the team does about it when several reps give it. */
export const REASON_THEME_TEXT: Readonly<Record<ReasonTheme, { readonly name: Bilingual; readonly action: Bilingual }>> = {
  unreachable: {
    name: bilingual("客户联系不上", "customers could not be reached"),
    action: bilingual(
      "培训“电话+微信+案例”组合触达法，调整外呼时段",
      "train the call + WeChat + case-study approach and change calling hours",
    ),
  },
  price: {
    name: bilingual("价格异议", "price objections"),
    action: bilingual("组织价格异议处理培训，明确折扣权限", "train handling price objections and set clear discount authority"),
  },
  product: {
    name: bilingual("产品不熟悉", "product knowledge"),
    action: bilingual("由产品经理组织专项产品培训", "have product managers run product training"),
  },
  delivery: {
    name: bilingual("交付或供货问题", "delivery or stock problems"),
    action: bilingual("协调运营/供应部门解决交付问题", "work with operations and supply to fix delivery"),
  },
  leads: {
    name: bilingual("线索不足", "too few leads"),
    action: bilingual("优化客户名单筛选，补充线索来源", "improve the prospect list and add lead sources"),
  },
  time: {
    name: bilingual("时间被其他事务占用", "time taken by other work"),
    action: bilingual("精简会议和内部事务，保护销售时间", "cut meetings and internal work to protect selling time"),
  },
  season: {
    name: bilingual("假期或淡季", "holidays or the season"),
    action: bilingual("提前排期，按工作日调整周目标", "plan ahead and set weekly targets by working days"),
  },
  competitor: {
    name: bilingual("竞争对手", "competitors"),
    action: bilingual("整理竞品对比资料并培训应对话术", "prepare competitor comparisons and train the answers"),
  },
  decision: {
    name: bilingual("客户决策或预算", "customer decisions or budget"),
    action: bilingual(
      "培训多层级关系推进，安排经理陪访",
      "train working with several decision makers and arrange ride-along visits",
    ),
  },
  tools: {
    name: bilingual("系统或工具问题", "systems or tools"),
    action: bilingual("协调技术支持解决系统问题", "get technical support to fix the systems"),
  },
};

/** For reasons grouped by shared words rather than a known cause. */
export const GENERIC_TEAM_ACTION = bilingual("组织专项培训或协调支持", "organise targeted training or support");

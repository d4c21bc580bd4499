import { parseChineseNumeral } from "../../../src/core/parse/numerals";
import { findQuantities, parsePercent, parseQuantity } from "../../../src/core/parse/quantity";

describe("Chinese numerals", () => {
  it.each([
    ["十二", 12],
    ["两百", 200],
    ["三千五百", 3500],
    ["三千零五", 3005],
    ["一万二千", 12000],
    ["十二万", 120000],
    ["一亿两千万", 120000000],
    ["零点五", 0.5],
    ["十", 10],
  ])("%s = %d", (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(["", "十二三", "abc", "点"])("%j is not a number", (text) => expect(parseChineseNumeral(text)).toBeUndefined());
});

describe("quantities as people write them", () => {
  it.each([
    ["100万", 1_000_000, false, ""],
    ["1.5万元", 15_000, false, "元"],
    ["3千", 3_000, false, ""],
    ["两百", 200, false, ""],
    ["十二个", 12, false, "个"],
    ["35w", 350_000, false, ""],
    ["35W", 350_000, false, ""],
    ["1,000,000", 1_000_000, false, ""],
    ["60%", 0.6, true, "%"],
    ["６０％", 0.6, true, "%"],
    ["百分之六十", 0.6, true, "%"],
    ["8k", 8_000, false, ""],
    ["新客户开发8个", 8, false, "个"],
    ["月度100万", 1_000_000, false, ""],
    ["Monthly 1,000,000", 1_000_000, false, ""],
    ["2.5 million", 2_500_000, false, ""],
  ])("%s", (text, value, percent, unit) => {
    const result = parseQuantity(text);
    expect(result.ok && { value: result.value.value, percent: result.value.percent, unit: result.value.unit }).toEqual({
      value,
      percent,
      unit,
    });
  });

  it("skips numbers glued to letters (TOP100, Q4, KR2)", () => {
    expect(findQuantities("开发行业TOP100客户5个").map((q) => q.value)).toEqual([5]);
    expect(findQuantities("Q4 KR2").map((q) => q.value)).toEqual([]);
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["提升客户满意度", "no-number"],
    ["加强团队协作", "no-number"],
  ])("%j gives a reason, never an exception", (text, reason) => {
    expect(parseQuantity(text)).toEqual({ ok: false, reason });
  });

  it("passes numbers through", () => {
    expect(parseQuantity(350000)).toEqual({ ok: true, value: { value: 350000, percent: false, unit: "", start: 0, end: 0 } });
    expect(parseQuantity(Number.NaN)).toEqual({ ok: false, reason: "no-number" });
  });
});

describe("percent cells", () => {
  it.each([
    [0.95, 0.95],
    ["95%", 0.95],
    ["95", 0.95],
    ["百分之九十五", 0.95],
    ["0.95", 0.95],
  ])("%j is %d", (input, value) => expect(parsePercent(input)).toEqual({ ok: true, value }));

  it.each(["约九成", "达成", "95万"])("%j is not a percent", (input) => expect(parsePercent(input).ok).toBe(false));
});

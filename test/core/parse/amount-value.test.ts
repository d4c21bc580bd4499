import { parseAmountValue } from "../../../src/core/parse/amount-value";
import { readAmount } from "../../../src/core/analysis/reading/records";

describe("money as exports write it", () => {
  it.each([
    [35000, 35000],
    ["35000", 35000],
    ["1,234.00", 1234],
    ["-1,234.00", -1234],
    ["(1,234.00)", -1234],
    ["（1,234.00）", -1234],
    ["\u22121,234", -1234],
    ["-1.2万", -12000],
    ["1,234.00-", -1234],
    ["¥-1,234", -1234],
    ["-¥1,234", -1234],
    ["￥1,234.50", 1234.5],
    ["$1,234", 1234],
    ["€ 99.90", 99.9],
    ["RMB 1,234", 1234],
    ["1,234 CNY", 1234],
    ["USD 2,000", 2000],
    ["1234元", 1234],
    ["1.2万元", 12000],
    ["3.5万", 35000],
    ["35w", 350000],
    ["１２３４", 1234],
    ["1 234", 1234],
    ["两百", 200],
  ])("%j is %d", (value, amount) => {
    expect(parseAmountValue(value)).toBe(amount);
    expect(readAmount(value)).toBe(amount);
  });

  it.each(["12%", "-5%", "面议", "约3万", "注：含税2次", "", "-", "()", "1,2,3", "N/A", "#VALUE!"])("%j is no amount", (value) =>
    expect(parseAmountValue(value)).toBeUndefined(),
  );

  it("leaves non-finite numbers, booleans and nulls out", () => {
    expect(parseAmountValue(Number.NaN)).toBeUndefined();
    expect(parseAmountValue(Infinity)).toBeUndefined();
    expect(parseAmountValue(true)).toBeUndefined();
    expect(parseAmountValue(null)).toBeUndefined();
  });
});

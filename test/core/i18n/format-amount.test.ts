import { formatAmount } from "../../../src/core/i18n/format";

describe("amounts in sentences are rounded for reading", () => {
  it.each([
    [7124.03, "7,124", "7,124"],
    [140361.61, "14.04万", "140,362"],
    [-1095.21, "-1,095", "-1,095"],
    [350000, "35万", "350,000"],
    [120000000, "1.2亿", "120,000,000"],
    [999.5, "999.5", "999.5"],
    [12.345, "12.35", "12.35"],
  ])("%p -> %s / %s", (value, zh, en) => {
    expect(formatAmount(value)).toEqual({ "zh-CN": zh, en });
  });
});

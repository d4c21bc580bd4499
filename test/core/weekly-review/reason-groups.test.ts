import { groupReasons, reasonKeywords, shareKeywords, themesOf } from "../../../src/core/weekly-review/reason-groups";

describe("reasons for misses grouped across reps", () => {
  it("puts the ways people write one cause, in Chinese or English, into one group", () => {
    const groups = groupReasons([
      { owner: "甲", text: "周三客户未接听，未达成" },
      { owner: "乙", text: "电话打不通" },
      { owner: "Ann", text: "Customers did not pick up on Wednesday" },
      { owner: "丙", text: "客户嫌价格太贵" },
    ]);
    expect(groups.map((g) => [g.theme, g.reps])).toEqual([
      ["unreachable", ["甲", "乙", "Ann"]],
      ["price", ["丙"]],
    ]);
  });

  it("counts a rep once per cause, and a reason naming two causes in both", () => {
    const groups = groupReasons([
      { owner: "甲", text: "客户未接听" },
      { owner: "甲", text: "客户联系不上" },
      { owner: "乙", text: "客户不接电话，而且嫌价格高" },
    ]);
    expect(groups.map((g) => [g.theme, g.reps, g.reasons.length])).toEqual([
      ["unreachable", ["甲", "乙"], 3],
      ["price", ["乙"], 1],
    ]);
  });

  it("groups reasons of no known cause by shared keywords, and leaves unlike ones apart", () => {
    const groups = groupReasons([
      { owner: "甲", text: "样品没到" },
      { owner: "乙", text: "样品还没到客户手里" },
      { owner: "丙", text: "家里有事" },
    ]);
    expect(groups.map((g) => [g.theme, g.example, g.reps])).toEqual([
      [undefined, "样品没到", ["甲", "乙"]],
      [undefined, "家里有事", ["丙"]],
    ]);
    expect(shareKeywords(reasonKeywords("样品没到"), reasonKeywords("家里有事"))).toBe(false);
  });

  it("is deterministic: the same reasons in the same order give the same groups", () => {
    const reasons = [
      { owner: "a", text: "meeting all Tuesday" },
      { owner: "b", text: "客户未接听" },
      { owner: "c", text: "出差" },
    ];
    expect(groupReasons(reasons)).toEqual(groupReasons(reasons.map((r) => ({ ...r }))));
    expect(themesOf("meeting all Tuesday")).toEqual(["time"]);
  });
});

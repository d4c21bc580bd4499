import { fillOnRead, formatBilingual, type Bilingual } from "../../../src/core/i18n/locale";

const TEXT: Bilingual = {
  "zh-CN": "{metric}完成{done}/{target}，差{count}{count|个|个}",
  en: "{metric}: {done}/{target}, {count} {count|call|calls} short",
};

describe("a text filled when read", () => {
  it.each([
    [{ metric: { "zh-CN": "电话", en: "Calls" }, done: 70, target: 75, count: 5 }],
    [{ metric: { "zh-CN": "电话", en: "Calls" }, done: 74, target: 75, count: 1 }],
    [{ metric: fillOnRead({ "zh-CN": "{n}号指标", en: "metric {n}" }, { n: 2 }), done: 0, target: 3, count: 3 }],
  ])("reads in each language what formatBilingual fills in (%#)", (params) => {
    const filled = formatBilingual(TEXT, params);
    const onRead = fillOnRead(TEXT, params);
    expect(onRead["zh-CN"]).toBe(filled["zh-CN"]);
    expect(onRead.en).toBe(filled.en);
    expect(onRead.en).not.toContain("{");
  });

  it("fills a text without params as written", () => {
    const text = fillOnRead({ "zh-CN": "没有目标", en: "No target" });
    expect([text["zh-CN"], text.en]).toEqual(["没有目标", "No target"]);
  });
});

import { mayNotStayText, toLiteralText } from "../../../src/hosts/common/literal-text";
import { TEXT_THAT_LOOKS_LIKE_A_VALUE, typedEntry } from "../typed-entry";

describe("text a spreadsheet could turn into something else gets the text prefix (Excel, WPS)", () => {
  it.each(TEXT_THAT_LOOKS_LIKE_A_VALUE)("%j is written behind the prefix", (text) => {
    expect(toLiteralText(text)).toBe(`'${text}`);
  });

  it.each(["张三", "周三客户未接听", "Key account", "Jan", "November", "TRUE LOVE", "A-B", "（待填写：关键结果）"])(
    "%j has no digit and is no boolean or error: written as it is",
    (text) => {
      expect(toLiteralText(text)).toBe(text);
    },
  );

  it("keeps numbers and booleans, and empties null", () => {
    expect([toLiteralText(3), toLiteralText(false), toLiteralText(null), toLiteralText("")]).toEqual([3, false, "", ""]);
  });

  it("protects everything the Excel and WPS fakes convert (typedEntry), on every short string of digits and signs", () => {
    const alphabet = ["0", "1", "3", "/", "-", ":", ".", ",", "%", "e", " ", "(", ")", "$", "年", "月", "T", "a"];
    const unprotected: string[] = [];
    const visit = (text: string) => {
      if (text !== "" && typedEntry(text) !== text && !mayNotStayText(text)) unprotected.push(text);
      if (text.length < 4) for (const ch of alphabet) visit(text + ch);
    };
    visit("");
    for (const text of TEXT_THAT_LOOKS_LIKE_A_VALUE) if (typedEntry(text) !== text) visit(text);
    expect(unprotected).toEqual([]);
  });

  it("the fakes' model converts the strings the issue names (so the hosts' cases can fail)", () => {
    expect(["0012", "1E3", "TRUE", "2026-11", "3/4", "3月4日", "2026年11月", "12%"].map((t) => typedEntry(t))).toEqual([
      12,
      1000,
      true,
      46327,
      46085,
      46085,
      46327,
      0.12,
    ]);
  });
});

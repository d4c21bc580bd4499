import { messagePath, oneLine } from "../../src/cli/message-path";

describe("messagePath: how a file name appears in a message", () => {
  it.each([
    ["team.xlsx", "team.xlsx"],
    ["销售 团队/报告.xlsx", "销售 团队/报告.xlsx"],
    ["C:\\reports\\team.xlsx", "C:\\reports\\team.xlsx"],
  ])("an ordinary name is shown as it is: %s", (name, shown) => expect(messagePath(name)).toBe(shown));

  it.each([
    ["a\nb.xlsx", '"a\\nb.xlsx"'],
    ["a\r\nb.xlsx", '"a\\r\\nb.xlsx"'],
    ["tab\there.xlsx", '"tab\\there.xlsx"'],
    ["line\u2028sep.xlsx", '"line\\u2028sep.xlsx"'],
    ["\x1b[31mred.xlsx", '"\\x1b[31mred.xlsx"'],
    ["del\x7f.xlsx", '"del\\x7f.xlsx"'],
    ["c1\u0085\u009b.xlsx", '"c1\\x85\\x9b.xlsx"'],
    ["evil\u202excod.xlsx", '"evil\\u202excod.xlsx"'],
    ["iso\u2066late\u2069.xlsx", '"iso\\u2066late\\u2069.xlsx"'],
    ["para\u2029.xlsx", '"para\\u2029.xlsx"'],
    ['say "hi"\n.xlsx', '"say \\"hi\\"\\n.xlsx"'],
    ["C:\\dir\\\x1b.xlsx", '"C:\\\\dir\\\\\\x1b.xlsx"'],
  ])("a name with a control character is quoted and escaped: %j", (name, shown) => {
    expect(messagePath(name)).toBe(shown);
  });

  it("oneLine leaves no control character raw in a whole message", () => {
    expect(oneLine("Bad value \x1b[2J\nnext")).toBe("Bad value \\x1b[2J\\nnext");
    expect(oneLine("销售“张三”：123")).toBe("销售“张三”：123");
  });
});

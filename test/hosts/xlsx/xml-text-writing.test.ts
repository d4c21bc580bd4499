import { SaxesParser } from "saxes";
import { cellText, xmlSafe, xstring } from "../../../src/hosts/xlsx/xml-text";

const parses = (text: string) => {
  new SaxesParser().write(`<t>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t>`).close();
  return true;
};

describe("text written to XML parts", () => {
  it.each([
    ["U+FFFE", "a\ufffeb", "a_xFFFE_b"],
    ["U+FFFF", "a\uffffb", "a_xFFFF_b"],
    ["a lone high surrogate", "a\ud800b", "a_xD800_b"],
    ["a lone low surrogate", "a\udc00b", "a_xDC00_b"],
    ["a C0 control", "a\u0001b", "a_x0001_b"],
    ["a literal escape", "_x0041_", "_x005F_x0041_"],
    ["a pair, tab and line breaks, kept", "😀\t\n\r_x12_", "😀\t\n\r_x12_"],
  ])("xstring: %s as ST_Xstring, read back as itself, parsing", (_what, text, written) => {
    expect(xstring(text)).toBe(written);
    expect(cellText(xstring(text))).toBe(text);
    expect(parses(xstring(text))).toBe(true);
  });

  it("xstring: any text of odd characters reads back as itself and parses", () => {
    const pool = ["a", "_", "x", "0", "4", "1", "F", "\ufffe", "\uffff", "\ud800", "\udc00", "\u0001", "\u001f", "😀"];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = "";
      for (let i = 0; i < 12; i++) text += pool[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pool.length];
      expect(cellText(xstring(text))).toBe(text);
      expect(parses(xstring(text))).toBe(true);
    }
  });

  it("xmlSafe: each character XML cannot hold becomes U+FFFD, the rest is kept", () => {
    expect(xmlSafe("T\ufffe\uffff\udc00\ud800\u0001😀\t_x0041_")).toBe("T\ufffd\ufffd\ufffd\ufffd\ufffd😀\t_x0041_");
  });
});

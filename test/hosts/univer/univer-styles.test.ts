import { hexColor, styleFromUniver, styleToUniver, type CellStyle } from "../../../src/hosts/univer/univer-styles";

describe("cell styles between Univer and the workbench's files", () => {
  it.each([
    ["#ff0000", "#FF0000"],
    ["#0f0", "#00FF00"],
    ["rgb(0, 112, 192)", "#0070C0"],
    ["rgba(255,255,0,1)", "#FFFF00"],
    ["rgba(255,255,0,0)", undefined],
    ["red", undefined],
  ])("reads the colour %s as %s", (rgb, hex) => expect(hexColor({ rgb })).toBe(hex));

  it("gives back every part of a style it lays out", () => {
    const style: CellStyle = {
      bold: true,
      italic: true,
      underline: true,
      strike: true,
      fontName: "宋体",
      fontSize: 14,
      fontColor: "#C00000",
      fill: "#FFFF00",
      wrap: true,
      horizontal: "center",
      vertical: "top",
    };
    expect(styleFromUniver(styleToUniver(style))).toEqual(style);
  });

  it("leaves out a style with nothing of its own (black text, no fill)", () => {
    expect(styleFromUniver({ cl: { rgb: "#000000" } })).toBeUndefined();
    expect(styleFromUniver(null)).toBeUndefined();
  });
});

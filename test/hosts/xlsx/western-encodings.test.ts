import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookFile } from "../../../src/hosts/xlsx/read-workbook-file";
import { decodeText, looksLikeGb18030, resolveEncodingLabel } from "../../../src/hosts/xlsx/text-decoding";
import { runCli } from "../../cli/cli-harness";

const dir = mkdtempSync(path.join(tmpdir(), "western-"));
const TEXT =
  "Nom;Montant;Date\r\nJosé García;1200;2026-10-03\r\nMüller Straße;88;2026-10-05\r\nFrançois Lefèvre;300;2026-11-02\r\nBJÖRK ÉLAN;7;2026-11-04\r\n";
/** TEXT encoded by Python's codecs (independent encoders): cp1252 and cp850. */
const WINDOWS_1252 = Buffer.from(
  "4e6f6d3b4d6f6e74616e743b446174650d0a4a6f73e92047617263ed613b313230303b323032362d31302d30330d0a4dfc6c6c65722053747261df653b38383b323032362d31302d30350d0a4672616ee76f6973204c6566e87672653b3330303b323032362d31312d30320d0a424ad6524b20c94c414e3b373b323032362d31312d30340d0a",
  "hex",
);
const CP850 = Buffer.from(
  "4e6f6d3b4d6f6e74616e743b446174650d0a4a6f73822047617263a1613b313230303b323032362d31302d30330d0a4d816c6c65722053747261e1653b38383b323032362d31302d30350d0a4672616e876f6973204c65668a7672653b3330303b323032362d31312d30320d0a424a99524b20904c414e3b373b323032362d31312d30340d0a",
  "hex",
);
/** GB18030 bytes of "日期,金额\r\n2026-01-02,100\r\n" (Python's codec). */
const GB = Buffer.from("c8d5c6da2cbdf0b6ee0d0a323032362d30312d30322c3130300d0a", "hex");

describe("Western single-byte text, neither UTF-8 nor Chinese", () => {
  it("Windows-1252 and CP850 each decode to the accented names, not to CJK characters", () => {
    expect(decodeText(WINDOWS_1252)).toEqual({ text: TEXT, encoding: "windows-1252" });
    expect(decodeText(CP850)).toEqual({ text: TEXT, encoding: "cp850" });
    expect(looksLikeGb18030(WINDOWS_1252)).toBe(false);
    expect(looksLikeGb18030(CP850)).toBe(false);
  });

  it("Windows-1252's curly quotes, dashes and euro sign, which Node's own decoder turns into control characters", () => {
    // “Café” – 12 € (Python's cp1252 codec).
    const bytes = Buffer.from("93436166e99420962031322080", "hex");
    expect(decodeText(bytes)).toEqual({ text: "“Café” – 12 €", encoding: "windows-1252" });
    expect(decodeText(bytes, "latin1")?.text).toBe("“Café” – 12 €");
  });

  it("Latin-1 as Node writes it (the same bytes as Windows-1252 for these letters)", () => {
    const text = "Client,Total\nAndré Müller,12\nCécile Noël,3\n";
    expect(decodeText(Buffer.from(text, "latin1"))).toEqual({ text, encoding: "windows-1252" });
  });

  it("Chinese GB18030 text is still read as GB18030, and UTF-16 by its byte-order mark", () => {
    expect(looksLikeGb18030(GB)).toBe(true);
    expect(decodeText(GB)).toEqual({ text: "日期,金额\r\n2026-01-02,100\r\n", encoding: "gb18030" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Nom\tMontant\r\nJosé\t1", "utf16le")]);
    expect(decodeText(utf16)).toEqual({ text: "Nom\tMontant\r\nJosé\t1", encoding: "utf-16le" });
  });

  it("--encoding still overrides detection, CP850 included", () => {
    expect(resolveEncodingLabel("CP850")).toBe("cp850");
    expect(resolveEncodingLabel("ibm850")).toBe("cp850");
    expect(decodeText(WINDOWS_1252, "cp850")?.text).toContain("JosÚ");
    expect(decodeText(CP850, "windows-1252")?.text).toContain("Jos‚");
    expect(decodeText(CP850, "cp850")?.text).toBe(TEXT);
  });

  it("reads a CP850 file through the entry point and the command line", async () => {
    const file = path.join(dir, "ventas.csv");
    writeFileSync(file, CP850);
    expect((await readWorkbookFile(file)).sheets[0].values[1]).toEqual(["José García", "1200", "2026-10-03"]);
    const named = await runCli([
      "customers",
      file,
      "--json",
      "--encoding",
      "cp850",
      "--map",
      "amount=Montant",
      "--map",
      "customer=Nom",
    ]);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain("José García");
    const wrong = await runCli([
      "customers",
      file,
      "--json",
      "--encoding",
      "windows-1252",
      "--map",
      "amount=Montant",
      "--map",
      "customer=Nom",
    ]);
    expect(wrong.code).toBe(0);
    expect(wrong.stdout).not.toContain("José García");
  });
});

/** The parts that hold rich text: the shared strings and the worksheets' inline strings (`<is>`). */
export const RICH_TEXT_PART = /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/i;

/** Past this, text with no `>` is not a tag we look for (and is not kept). */
const MAX_TAG = 4096;

/** `<r ...>`, `</r>`, `<r/>`, `<t ...>`, `<t/>`, with or without a namespace prefix; `rPr`, `row` and others do not match. */
const RUN_OR_TEXT = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([rt])(?=[\s/>])[^>]*?(\/?)>/g;

/**
 * Watches a part's XML as it inflates for rich text ExcelJS cannot write back: a run (`<r>`) inside
 * another, or a run without its text (`<t>`), which ECMA-376 requires. ExcelJS loads either (the
 * outer run's text dropped, or a run whose text is undefined) and then fails or loses text when
 * saving; the values reader joins every `<t>` and reads them right. Tags are ASCII, so the bytes are
 * read as Latin-1, and a tag cut between two chunks is carried to the next.
 */
export class RichTextRunChecker {
  private carry = "";
  private depth = 0;
  private runHasText = false;
  /** Set at the first malformed run. */
  problem = false;

  push(chunk: Buffer): void {
    if (this.problem) return;
    const text = this.carry + chunk.toString("latin1");
    RUN_OR_TEXT.lastIndex = 0;
    let end = 0;
    for (let m = RUN_OR_TEXT.exec(text); m; m = RUN_OR_TEXT.exec(text)) {
      end = RUN_OR_TEXT.lastIndex;
      const [, closing, name, selfClosing] = m;
      if (name === "t") {
        if (this.depth > 0) this.runHasText = true;
      } else if (closing) {
        if (this.depth === 0 || !this.runHasText) this.problem = true;
        this.depth = Math.max(0, this.depth - 1);
      } else if (selfClosing || this.depth > 0) {
        this.problem = true; // a run with no text, or a run inside a run
      } else {
        this.depth = 1;
        this.runHasText = false;
      }
      if (this.problem) return;
    }
    const open = text.lastIndexOf("<");
    const rest = open >= end && text.indexOf(">", open) < 0 ? text.slice(open) : "";
    this.carry = rest.length <= MAX_TAG ? rest : "";
  }
}

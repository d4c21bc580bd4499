/**
 * Text from the user's files made safe for a terminal: a cell holding an escape sequence could
 * otherwise recolour the screen, move the cursor or rewrite lines already printed (and a bidi override
 * could show one name as another). C0 and C1 control characters, DEL and the bidi embedding, override
 * and isolate marks are removed; tabs and line breaks inside a value become one space. The report's
 * own line breaks are added around such text, never taken from it.
 */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(BREAKS, " ").replace(CONTROLS, "");
}

/**
 * How a file name appears in the command line's messages: the one place that formats it. A name
 * made of ordinary characters is shown as it is; a name holding a line break, an escape character
 * (ESC), another C0 or C1 control, DEL, a line or paragraph separator or a bidi control is shown in
 * double quotes with those characters written as escapes (`\n`, `\x1b`, `\u202e`), so a message is
 * always one line and a name cannot recolour the terminal or show itself as another.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

export function messagePath(file: string): string {
  if (!new RegExp(UNSAFE.source).test(file)) return file;
  return `"${file.replace(/["\\]/g, "\\$&").replace(UNSAFE, escape)}"`;
}

/**
 * The last guard on a message the command line prints: whatever was put into it (a value typed on
 * the command line, a sheet name from a file), no control character reaches the terminal raw and
 * the message stays on one line. Names are already formatted by `messagePath`.
 */
export function oneLine(message: string): string {
  return message.replace(UNSAFE, escape);
}

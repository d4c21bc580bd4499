import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The README's "What the command line promises": each promise names the tests that hold it (a file in
 * backquotes, then test titles in double quotes, a title's start being enough). A renamed or deleted test
 * leaves a promise the README makes with nothing behind it; this fails then.
 */
const root = path.resolve(__dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const start = readme.indexOf("## What the command line promises");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));

/** Each bullet as one line, whitespace joined, so a title broken over two lines reads as one. */
const promises = section
  .split(/\n(?=- )/)
  .filter((part) => part.startsWith("- "))
  .map((part) => part.split("\n\n")[0]!.replace(/\s+/g, " "));

/** A bullet's named tests: each quoted title with the file named last before it. */
function namedTests(promise: string): { file: string; title: string }[] {
  const out: { file: string; title: string }[] = [];
  let file = "";
  for (const m of promise.matchAll(/`(test\/[^`]+\.test\.tsx?)`|"([^"]+)"/g)) {
    if (m[1]) file = m[1];
    else if (m[2] && file) out.push({ file, title: m[2] });
  }
  return out;
}

/** Test titles as a file writes them: the string after it/describe/test (and .each), or a table's `name:`. */
function titlesIn(text: string): string[] {
  const quoted = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|\x60((?:[^\x60\\]|\\.)*)\x60)`;
  const call = new RegExp(String.raw`\b(?:it|test|describe)(?:\.each\s*\([\s\S]*?\)\s*)?\(\s*` + quoted, "g");
  const row = new RegExp(String.raw`\bname:\s*` + quoted, "g");
  const unescape = (t: string) => t.replace(/\\(.)/g, "$1");
  return [...text.matchAll(call), ...text.matchAll(row)].map((m) => unescape(m[1] ?? m[2] ?? m[3] ?? ""));
}

describe("the README's promises name tests that exist", () => {
  it("the section is there and every promise names at least one test", () => {
    expect(start).toBeGreaterThan(0);
    expect(promises.length).toBeGreaterThanOrEqual(8);
    for (const promise of promises) expect([promise, namedTests(promise).length > 0]).toEqual([promise, true]);
  });

  it.each(promises.flatMap((p) => namedTests(p)).map((t) => [`${t.file}: ${t.title}`, t] as const))(
    "%s",
    (_label, { file, title }) => {
      const full = path.join(root, file);
      expect(existsSync(full)).toBe(true);
      const titles = titlesIn(readFileSync(full, "utf8"));
      expect(titles.some((t) => t.startsWith(title))).toBe(true);
    },
  );
});

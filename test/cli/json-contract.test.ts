import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { COMMANDS } from "../../src/cli/commands";
import { DOCS_FILE, fieldTables, generateCliSchema, SCHEMA_FILE, schemaText, withFieldTables } from "./cli-schema";

/**
 * The contract's three copies agree: the types (src/cli/json-contract.ts), the schema generated from
 * them (docs/cli-schema.json) and the field tables of docs/cli.md, generated from the schema.
 * `UPDATE_CLI_SCHEMA=1 npx jest test/cli/json-contract.test.ts` writes the schema and the tables again.
 */
jest.setTimeout(180_000);

const update = Boolean(process.env.UPDATE_CLI_SCHEMA);

/** Markdown as Prettier lays out docs/cli.md (its tables aligned), so the file stays Prettier-clean. */
function prettier(markdown: string): string {
  const bin = require.resolve("prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [bin, "--stdin-filepath", DOCS_FILE], { input: markdown, encoding: "utf8" });
}

describe("the JSON contract: types, schema and docs/cli.md", () => {
  const generated = generateCliSchema();

  it("docs/cli-schema.json is the schema src/cli/json-contract.ts gives", () => {
    if (update) writeFileSync(SCHEMA_FILE, schemaText(generated));
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText(generated));
  });

  it("has one document per command of COMMANDS", () => {
    const documents = generated.definitions?.CliJson?.properties ?? {};
    expect(Object.keys(documents).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it("docs/cli.md holds the field tables the schema gives, one block per command (laid out by Prettier)", () => {
    const markdown = readFileSync(DOCS_FILE, "utf8");
    const tables = fieldTables(generated);
    const expected = prettier(withFieldTables(markdown, tables));
    if (update) writeFileSync(DOCS_FILE, expected);
    expect(markdown).toBe(expected);
    for (const command of Object.keys(COMMANDS))
      expect(markdown).toMatch(new RegExp(`<!-- fields:${command} -->\\n+\\| Field +\\|`));
  });

  it("docs/cli.md lists every command with the flags it reads", () => {
    const markdown = readFileSync(DOCS_FILE, "utf8");
    for (const [name, command] of Object.entries(COMMANDS)) {
      const row = markdown.split("\n").find((line) => new RegExp(`^\\| \`${name}\` +\\|`).test(line));
      expect(row).toBeDefined();
      const column = row!.split(/ +\| +/)[2];
      const flags = [...column.matchAll(/`(--[a-z-]+)`/g)].map((m) => m[1]);
      expect(flags).toEqual([...command.flags]);
      expect(markdown).toContain(`### \`${name}\``);
    }
  });
});

import path from "node:path";
import { createGenerator } from "ts-json-schema-generator";

/**
 * The JSON schema of the command line's documents, generated from their TypeScript types
 * (src/cli/json-contract.ts: `CliJson`, one property per command). Checked in as docs/cli-schema.json;
 * `UPDATE_CLI_SCHEMA=1 npx jest test/cli/json-contract.test.ts` writes it again after a change of the types.
 */
export const ROOT = path.resolve(__dirname, "../..");
export const SCHEMA_FILE = path.join(ROOT, "docs/cli-schema.json");
export const DOCS_FILE = path.join(ROOT, "docs/cli.md");

export interface JsonSchema {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

export function generateCliSchema(): JsonSchema {
  return createGenerator({
    path: path.join(ROOT, "src/cli/json-contract.ts"),
    tsconfig: path.join(ROOT, "tsconfig.json"),
    type: "CliJson",
    skipTypeCheck: true,
    sortProps: false,
    additionalProperties: false,
  }).createSchema("CliJson") as JsonSchema;
}

/** The schema as the file holds it: two-space indents and a final line break. */
export const schemaText = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;

const refName = (ref: string) => ref.replace("#/definitions/", "");
const isObject = (s: JsonSchema) => s.type === "object" || s.properties !== undefined;
const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

/**
 * The field tables of docs/cli.md, from the schema: one table per command's document, then one per
 * object type it uses (each once, where it is first used), with each field's type and description.
 */
export function fieldTables(schema: JsonSchema): Map<string, string> {
  const definitions = schema.definitions ?? {};
  const documents = definitions.CliJson?.properties ?? {};
  const shown = new Set<string>();
  const tables = new Map<string, string>();

  for (const [command, root] of Object.entries(documents)) {
    const queue: { title: string; schema: JsonSchema }[] = [];
    const typeOf = (s: JsonSchema, title: string): string => {
      if (s.$ref) {
        const name = refName(s.$ref);
        const target = definitions[name];
        if (target && !isObject(target)) return typeOf(target, name);
        if (!shown.has(name)) {
          shown.add(name);
          queue.push({ title: name, schema: target });
        }
        return `[${name}](#${name.toLowerCase()})`;
      }
      if (s.anyOf) return s.anyOf.map((a) => typeOf(a, title)).join(" \\| ");
      if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
      if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
      if (s.type === "array") return `${typeOf(s.items ?? {}, title)}[]`;
      if (isObject(s)) {
        queue.push({ title, schema: s });
        return `object ([${title}](#${title.toLowerCase().replace(/[^a-z0-9 -]/g, "")}))`;
      }
      const types = Array.isArray(s.type) ? s.type : [s.type ?? "any"];
      return types.join(" \\| ");
    };
    const render = (s: JsonSchema, path: string): string => {
      const required = new Set(s.required ?? []);
      const rows = Object.entries(s.properties ?? {}).map(([field, p]) => {
        const type = typeOf(p, `${path}.${field}`);
        const description = escape(p.description ?? "");
        return `| \`${field}\`${required.has(field) ? "" : " (optional)"} | ${type} | ${description} |`;
      });
      return ["| Field | Type | Description |", "| --- | --- | --- |", ...rows].join("\n");
    };
    const rootName = root.$ref ? refName(root.$ref) : command;
    shown.add(rootName);
    const parts = [render(definitions[rootName] ?? root, command)];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const description = next.schema.description ? `\n\n${escape(next.schema.description)}` : "";
      parts.push(`#### ${next.title}${description}\n\n${render(next.schema, next.title)}`);
    }
    tables.set(command, parts.join("\n\n"));
  }
  return tables;
}

/** docs/cli.md with each `<!-- fields:COMMAND -->` ... `<!-- /fields:COMMAND -->` block holding the tables the schema gives. */
export function withFieldTables(markdown: string, tables: ReadonlyMap<string, string>): string {
  return markdown.replace(
    /<!-- fields:(\w+) -->\n[\s\S]*?<!-- \/fields:\1 -->/g,
    (_block, command: string) =>
      `<!-- fields:${command} -->\n${tables.get(command) ?? "(no such command)"}\n<!-- /fields:${command} -->`,
  );
}

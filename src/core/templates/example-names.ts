import { normalizeText } from "../parse/parse-result";

/**
 * The placeholder names of the playbook's example rows ("*某", "某", "*Z"): an example row's owner,
 * never a rep. Progress and the monthly review leave them out.
 */
const EXAMPLE_NAME = /^(?:\*\s*(?:某|[a-z])|某)$/i;

export function isExampleName(value: unknown): boolean {
  return EXAMPLE_NAME.test(normalizeText(value));
}

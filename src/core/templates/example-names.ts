import { normalizeText } from "../parse/parse-result";

/**
 * The placeholder names of the playbook's example rows ("*某", "某", "*Z"): an example row's owner,
 * never a rep. Progress and the monthly review leave them out.
 */
export function isExampleName(value: unknown): boolean {
  return /^(?:\*\s*(?:某|[a-z])|某)$/i.test(normalizeText(value));
}

/** The two languages every user-facing string exists in. zh-CN is authoritative. */
export type Locale = "zh-CN" | "en";

export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/** A text in both languages. */
export type Bilingual = Readonly<Record<Locale, string>>;

/** A text in both languages, zh-CN first. */
export const bilingual = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Picks a supported locale from a BCP-47 tag such as "zh-Hans-CN", "zh-TW" or "en-US". */
export function resolveLocale(tag: string | undefined | null): Locale {
  const lower = (tag ?? "").toLowerCase();
  return lower.startsWith("zh") ? "zh-CN" : "en";
}

/** Values for a text's `{name}` placeholders; a bilingual value is filled in the text's own language. */
export type TextParams = Readonly<Record<string, string | number | Bilingual>>;

/** A `{name}` or `{name|one|other}` placeholder of a text, as written. */
interface Placeholder {
  readonly whole: string;
  readonly key: string;
  readonly one?: string;
  readonly other?: string;
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** A text split once into its literal pieces and placeholders, in order. */
function compile(template: string): readonly (string | Placeholder)[] {
  const parts: (string | Placeholder)[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ whole: m[0], key: m[1], one: m[2], other: m[3] });
    last = m.index + m[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(template.slice(last));
  return parts;
}

/**
 * Each text's pieces, per locale, split on first use. Validation fills in about 100,000 findings' texts at a
 * time: a regular-expression replace per text and locale was a fifth of its time, joining the pieces a
 * tenth of that. Keyed by the text object, so a text built at run time is forgotten with it.
 */
const COMPILED = new WeakMap<Bilingual, Partial<Record<Locale, readonly (string | Placeholder)[]>>>();

function partsOf(text: Bilingual, locale: Locale): readonly (string | Placeholder)[] {
  let byLocale = COMPILED.get(text);
  if (!byLocale) COMPILED.set(text, (byLocale = {}));
  return (byLocale[locale] ??= compile(text[locale]));
}

/**
 * Renders a bilingual text in one locale with its placeholders filled. Unknown placeholders are left as written.
 * `{name|one|other}` is a word that agrees with the count `name` ("{count} {count|sheet|sheets}"): `one` when
 * it is 1, else `other` (English needs it; Chinese does not).
 */
export function localize(text: Bilingual, locale: Locale, params: TextParams = {}): string {
  const parts = partsOf(text, locale);
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const { whole, key, one, other } = part;
    if (!Object.prototype.hasOwnProperty.call(params, key)) {
      out += whole;
      continue;
    }
    const value = params[key];
    const written = typeof value === "object" ? value[locale] : String(value);
    if (one === undefined || other === undefined) out += written;
    else out += Number(written.replace(/,/g, "")) === 1 ? one : other;
  }
  return out;
}

/** A bilingual text with its placeholders filled in both languages: a sentence kept for either locale. */
export function formatBilingual(text: Bilingual, params?: TextParams): Bilingual {
  return { "zh-CN": localize(text, "zh-CN", params), en: localize(text, "en", params) };
}

/**
 * A bilingual text whose placeholders are filled when one of its languages is read (each time it is read), for
 * texts made by the thousand and mostly never read: validation's findings, up to 100,000 on a large sheet, of
 * which a note or the pane shows one language, and the task pane only the few in view. Filling both languages
 * of every finding up front, and keeping the strings, was a fifth of validating such a sheet. It reads like
 * any bilingual text; its own fields are the text and its params, so tests compare what it reads.
 */
class FilledOnRead implements Bilingual {
  constructor(
    private readonly text: Bilingual,
    private readonly params: TextParams | undefined,
  ) {}

  get "zh-CN"(): string {
    return localize(this.text, "zh-CN", this.params);
  }

  get en(): string {
    return localize(this.text, "en", this.params);
  }
}

/** `formatBilingual`, filled when read: see `FilledOnRead`. */
export const fillOnRead = (text: Bilingual, params?: TextParams): Bilingual => new FilledOnRead(text, params);

/** A value that reads the same in both languages: a number, or a name as the user wrote it. */
export const asWritten = (value: string | number): Bilingual => ({ "zh-CN": String(value), en: String(value) });

/** Items joined in each language with that language's separator ("、" in zh-CN, ", " in English). */
export function joinBilingual(items: readonly (string | number | Bilingual)[], separator: Bilingual): Bilingual {
  return inEachLocale((locale) =>
    items.map((item) => (typeof item === "object" ? item[locale] : String(item))).join(separator[locale]),
  );
}

/** A text built the same way in each language, from that language's words. */
export const inEachLocale = (build: (locale: Locale) => string): Bilingual => ({ "zh-CN": build("zh-CN"), en: build("en") });

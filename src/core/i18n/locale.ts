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

/**
 * Renders a bilingual text in one locale with its placeholders filled. Unknown placeholders are left as written.
 * `{name|one|other}` is a word that agrees with the count `name` ("{count} {count|sheet|sheets}"): `one` when
 * it is 1, else `other` (English needs it; Chinese does not).
 */
export function localize(text: Bilingual, locale: Locale, params: TextParams = {}): string {
  return text[locale].replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, key)) return whole;
    const value = params[key];
    const written = typeof value === "object" ? value[locale] : String(value);
    if (one === undefined || other === undefined) return written;
    return Number(written.replace(/,/g, "")) === 1 ? one : other;
  });
}

/** A bilingual text with its placeholders filled in both languages: a sentence kept for either locale. */
export function formatBilingual(text: Bilingual, params?: TextParams): Bilingual {
  return { "zh-CN": localize(text, "zh-CN", params), en: localize(text, "en", params) };
}

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

/** A word found in a text by a WordScanner. */
export interface WordHit {
  readonly word: string;
  readonly index: number;
  readonly end: number;
}

const LATIN = /[a-z]/;

/**
 * Finds a fixed list of words in (lower-case) text in one left-to-right pass: at each position the
 * longest word starting there wins, hits never overlap, and words with Latin letters match only as
 * whole words ("over" not in "cover"). Indexed by first character, so the cost is about the text's
 * length, not the list's: a big regex alternation was the validators' hot spot.
 */
interface Entry {
  readonly word: string;
  /** Must not follow a Latin letter / be followed by one. */
  readonly guardStart: boolean;
  readonly guardEnd: boolean;
}

function isLatin(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

export class WordScanner {
  private readonly byFirst = new Map<string, Entry[]>();

  /**
   * `boundaries`: "both" matches Latin words only whole ("over" not in "cover" or "overall"); "start"
   * lets them run on ("customer" in "customers", "churn" in "churned").
   */
  constructor(words: Iterable<string>, boundaries: "both" | "start" = "both") {
    for (const word of words) {
      const list = this.byFirst.get(word[0]) ?? [];
      list.push({
        word,
        guardStart: LATIN.test(word[0]),
        guardEnd: boundaries === "both" && LATIN.test(word[word.length - 1]),
      });
      this.byFirst.set(word[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  scan(text: string): WordHit[] {
    const hits: WordHit[] = [];
    for (let i = 0; i < text.length;) {
      const candidates = this.byFirst.get(text[i]);
      let hit: Entry | undefined;
      if (candidates) {
        for (const entry of candidates) {
          if (!text.startsWith(entry.word, i)) continue;
          if (entry.guardStart && i > 0 && isLatin(text.charCodeAt(i - 1))) continue;
          const end = i + entry.word.length;
          if (entry.guardEnd && end < text.length && isLatin(text.charCodeAt(end))) continue;
          hit = entry;
          break;
        }
      }
      if (hit) {
        hits.push({ word: hit.word, index: i, end: i + hit.word.length });
        i += hit.word.length;
      } else {
        i++;
      }
    }
    return hits;
  }
}

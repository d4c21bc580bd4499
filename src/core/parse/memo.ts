/**
 * Remembers the results of a pure text parser for recently seen texts. Sheets repeat themselves
 * (the team target on every rep's row, one KR pattern copied down), and the validators read the
 * same cell for several rules. Bounded: the memory is dropped when it holds `max` texts.
 * Results are shared, so callers must treat them as read-only (the types say so).
 */
export function memoizeText<R>(parse: (text: string) => R, max = 4096): (text: string) => R {
  let memory = new Map<string, R>();
  return (text) => {
    const known = memory.get(text);
    if (known !== undefined || memory.has(text)) return known as R;
    const result = parse(text);
    if (memory.size >= max) memory = new Map();
    memory.set(text, result);
    return result;
  };
}

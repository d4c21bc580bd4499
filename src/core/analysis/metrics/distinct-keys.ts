/**
 * Distinct counts over the small integer keys of deal lines (orders, customers: `deal-keys.ts`), with one
 * mark array shared by every caller instead of a Set for each group: `next()` starts a round, `first(key)`
 * is true the first time a key is seen in the round. A round costs nothing to clear; the array grows with the
 * largest key. Calls must not interleave (all of core is synchronous).
 */
const state = { marks: new Uint32Array(1024), round: 0 };

/** Starts a new round: every key is unseen again. */
export function nextRound(): void {
  if (++state.round === 0xffffffff) {
    state.marks.fill(0);
    state.round = 1;
  }
}

/** True the first time `key` is seen in this round. */
export function firstInRound(key: number): boolean {
  let marks = state.marks;
  if (key >= marks.length) {
    marks = new Uint32Array(Math.max(key + 1, marks.length * 2));
    marks.set(state.marks);
    state.marks = marks;
  }
  if (marks[key] === state.round) return false;
  marks[key] = state.round;
  return true;
}

/**
 * Keeps the first of each key among the list's first `length`, in the order first seen (as a Set would iterate
 * them), and returns how many; an array is cut to them.
 */
export function distinctInPlace(keys: number[] | Int32Array, length = keys.length): number {
  nextRound();
  let kept = 0;
  for (let i = 0; i < length; i++) {
    const key = keys[i]!;
    if (firstInRound(key)) keys[kept++] = key;
  }
  if (Array.isArray(keys)) keys.length = kept;
  return kept;
}

/** How many distinct keys the lists hold together. */
export function distinctCount(lists: readonly ArrayLike<number>[]): number {
  nextRound();
  let count = 0;
  for (const keys of lists)
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      if (firstInRound(key)) count++;
    }
  return count;
}

/**
 * Small integers standing for reps, customers and orders (set membership and grouping on 100,000 lines are cheaper
 * on numbers).
 * A customer is its id where the sheet has one, else its name. An order is its id and its customer: one id on
 * lines of different customers is one order each; a line without an id is an order of its own.
 */
export interface DealKeys {
  /** The same for every line of a rep (the name as read, "" included). */
  repKey(rep: string): number;
  customerKey(id: string, name: string): number;
  orderKey(id: string, customerKey: number): number;
  /** Order ids seen with more than one customer. */
  sharedOrderIds(): number;
}

export function createDealKeys(): DealKeys {
  const reps = new Map<string, number>();
  const customers = new Map<string, number>();
  // Per id, the first customer's order key; per order key, its customer. The orders of the other customers of an id
  // (shared) are found by (the id's first order key, customer) in one table of integers: no object per order, and
  // no Map per shared id (a Map for each of 500,000 shared ids took 0.65 s of 1,000,000 lines, the table 0.38 s).
  const orders = new Map<string, number>();
  const customerOfOrder: number[] = [];
  const others = createPairTable();
  const shared = new Set<number>();
  let orderCount = 0;
  return {
    repKey(rep) {
      let key = reps.get(rep);
      if (key === undefined) reps.set(rep, (key = reps.size));
      return key;
    },
    customerKey(id, name) {
      const text = id || `\u0002${name}`;
      let key = customers.get(text);
      if (key === undefined) customers.set(text, (key = customers.size));
      return key;
    },
    orderKey(id, customerKey) {
      if (!id) return orderCount++;
      const key = orders.get(id);
      if (key === undefined) {
        orders.set(id, orderCount);
        customerOfOrder[orderCount] = customerKey;
        return orderCount++;
      }
      if (customerOfOrder[key] === customerKey) return key;
      const own = others.get(key, customerKey);
      if (own !== -1) return own;
      others.set(key, customerKey, orderCount);
      shared.add(key);
      return orderCount++;
    },
    sharedOrderIds() {
      return shared.size;
    },
  };
}

/** Non-negative integers by a pair of non-negative integers: open addressing over one Int32Array of (a, b, value) slots. */
function createPairTable() {
  let capacity = 1024;
  let slots = new Int32Array(capacity * 3).fill(-1);
  let size = 0;
  /** The slot of (a, b), or the empty slot where it would go. */
  const slotOf = (a: number, b: number): number => {
    const mask = capacity - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    for (;;) {
      const s = i * 3;
      if (slots[s] === -1 || (slots[s] === a && slots[s + 1] === b)) return s;
      i = (i + 1) & mask;
    }
  };
  const put = (a: number, b: number, value: number) => {
    const s = slotOf(a, b);
    slots[s] = a;
    slots[s + 1] = b;
    slots[s + 2] = value;
  };
  return {
    /** The value of (a, b), or -1. */
    get(a: number, b: number): number {
      const s = slotOf(a, b);
      return slots[s] === -1 ? -1 : (slots[s + 2] as number);
    },
    /** Adds (a, b), which the table does not hold yet; kept at most half full. */
    set(a: number, b: number, value: number): void {
      if (2 * (size + 1) > capacity) {
        const old = slots;
        capacity *= 2;
        slots = new Int32Array(capacity * 3).fill(-1);
        for (let s = 0; s < old.length; s += 3) if (old[s] !== -1) put(old[s]!, old[s + 1]!, old[s + 2]!);
      }
      put(a, b, value);
      size++;
    },
  };
}

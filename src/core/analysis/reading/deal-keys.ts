/**
 * Small integers standing for reps, customer types, product lines, customers and orders (set membership and grouping
 * on 100,000 lines are cheaper on numbers).
 * A customer is its id where the sheet has one, else its name. An order is its id and its customer: one id on
 * lines of different customers is one order each; a line without an id is an order of its own.
 */
export interface DealKeys {
  /** The same for every line of a rep (the name as read, "" included). */
  repKey(rep: string): number;
  /** The same for every line of a customer type, and of a product line (the text as read, "" included). */
  typeKey(type: string): number;
  productKey(product: string): number;
  customerKey(id: string, name: string): number;
  orderKey(id: string, customerKey: number): number;
  /** Order ids seen with more than one customer. */
  sharedOrderIds(): number;
}

/** A key per distinct text, numbered in the order first seen. */
function textKeys(): (text: string) => number {
  const keys = new Map<string, number>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = keys.size));
    return key;
  };
}

export function createDealKeys(): DealKeys {
  const customers = new Map<string, number>();
  // Per id, the first customer's order key; per order key, its customer. An id seen with other customers (shared)
  // has their orders in `others`. No object per order: a million orders would be a million objects.
  const orders = new Map<string, number>();
  const customerOfOrder: number[] = [];
  const others = new Map<string, Map<number, number>>();
  let orderCount = 0;
  return {
    repKey: textKeys(),
    typeKey: textKeys(),
    productKey: textKeys(),
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
      let shared = others.get(id);
      if (!shared) others.set(id, (shared = new Map()));
      let own = shared.get(customerKey);
      if (own === undefined) shared.set(customerKey, (own = orderCount++));
      return own;
    },
    sharedOrderIds() {
      return others.size;
    },
  };
}

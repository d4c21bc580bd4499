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

/** How many orders of one shared id are searched one by one before the id gets a map of its customers' orders. */
const SHORT_CHAIN = 8;

/** `capacity`: the most orders there can be (the lines to read): the per-order arrays are made once at that size. */
export function createDealKeys(capacity: number): DealKeys {
  const customers = new Map<string, number>();
  // Per id, its first order key; per order key, its customer and the next order key of the same id (-1 for none).
  // An id shared by a few customers has its orders found along that chain: no object per order or per shared id
  // (the bench's sheet shares each of its 50,000 ids between two customers: a map per shared id made the customer
  // and order keys of 100,000 lines cost 32.5 ms, the chain 24). An id of more customers than SHORT_CHAIN gets a
  // map, so a long chain is never walked per line. Typed arrays made at their full size: no growth, no garbage.
  const orders = new Map<string, number>();
  const customerOfOrder = new Int32Array(capacity);
  const nextOfOrder = new Int32Array(capacity);
  const many = new Map<number, Map<number, number>>();
  let shared = 0;
  let orderCount = 0;
  const newOrder = (customerKey: number): number => {
    customerOfOrder[orderCount] = customerKey;
    nextOfOrder[orderCount] = -1;
    return orderCount++;
  };
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
      if (!id) return newOrder(-1);
      const first = orders.get(id);
      if (first === undefined) {
        const key = newOrder(customerKey);
        orders.set(id, key);
        return key;
      }
      const byCustomer = many.get(first);
      if (byCustomer) {
        let own = byCustomer.get(customerKey);
        if (own === undefined) byCustomer.set(customerKey, (own = newOrder(customerKey)));
        return own;
      }
      let length = 0;
      for (let key = first; key !== -1; key = nextOfOrder[key]!, length++) if (customerOfOrder[key] === customerKey) return key;
      if (length === 1) shared++;
      const own = newOrder(customerKey);
      nextOfOrder[own] = nextOfOrder[first]!;
      nextOfOrder[first] = own;
      if (length + 1 > SHORT_CHAIN) {
        const all = new Map<number, number>();
        for (let key = first; key !== -1; key = nextOfOrder[key]!) all.set(customerOfOrder[key]!, key);
        many.set(first, all);
      }
      return own;
    },
    sharedOrderIds() {
      return shared;
    },
  };
}

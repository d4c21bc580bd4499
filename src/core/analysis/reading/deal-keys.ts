/**
 * Small integers standing for customers and orders (set membership on 100,000 lines is cheaper on numbers).
 * A customer is its id where the sheet has one, else its name. An order is its id and its customer: one id on
 * lines of different customers is one order each; a line without an id is an order of its own.
 */
export interface DealKeys {
  customerKey(id: string, name: string): number;
  orderKey(id: string, customerKey: number): number;
  /** Order ids seen with more than one customer. */
  sharedOrderIds(): number;
}

export function createDealKeys(): DealKeys {
  const customers = new Map<string, number>();
  // Per id, the first customer's order and those of the other customers (a shared id).
  const orders = new Map<string, { customer: number; key: number; others?: Map<number, number> }>();
  let orderCount = 0;
  return {
    customerKey(id, name) {
      const text = id || `\u0002${name}`;
      let key = customers.get(text);
      if (key === undefined) customers.set(text, (key = customers.size));
      return key;
    },
    orderKey(id, customerKey) {
      if (!id) return orderCount++;
      const order = orders.get(id);
      if (order === undefined) {
        orders.set(id, { customer: customerKey, key: orderCount });
        return orderCount++;
      }
      if (order.customer === customerKey) return order.key;
      order.others ??= new Map();
      let key = order.others.get(customerKey);
      if (key === undefined) order.others.set(customerKey, (key = orderCount++));
      return key;
    },
    sharedOrderIds() {
      let shared = 0;
      for (const order of orders.values()) if (order.others) shared++;
      return shared;
    },
  };
}

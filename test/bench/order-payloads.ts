// Orders of 20 items each for the validation benchmark (issue 10, item 7): valid ones whose amounts add up, and
// invalid ones with problems at the order level and inside items (a price as a string, an item without its SKU).
import { z } from "zod";
import { seededRng } from "../../generator/emit/fixtures/random.ts";
import { CATALOGUE } from "../../generator/emit/fixtures/retail.ts";

export const ORDERS = 2_000;
export const ITEMS = 20;

/** A valid order of `ITEMS` lines from the fixtures' catalogue, in VND. */
function validOrder(seed: number): Record<string, unknown> {
  const r = seededRng(`bench/order/${seed}`);
  const items = Array.from({ length: ITEMS }, (_, j) => {
    const p = CATALOGUE[(seed + j) % CATALOGUE.length]!;
    return { productSku: p.sku, productName: p.name, price: p.price, price4Sale: p.price - r.pick([0, 5000, 10000]), imageLink: `https://shop.pango.example/images/${p.slug}.jpg`, quantity: r.int(1, 3) };
  });
  const amount = items.reduce((n, it) => n + it.price4Sale * it.quantity, 0);
  const total = items.reduce((n, it) => n + it.price * it.quantity, 0);
  return {
    timezoneGmt: 7, systemName: "POS", orderId: `ORD${1000000 + seed}`, orderStatus: r.pick(["Completed", "Delivering", "Pending"]), orderDate: 1704067200000 + seed * 60000,
    customerId: `C${120000000 + seed}`, customerName: "Nguyễn Thị Lan", customerEmail: `lan.nguyen${seed}@gmail.com`, customerPhone: "0903123456",
    createdAt: 1704067200000 + seed * 60000, createdBy: "pos.integration", paymentMethod: r.pick(["COD", "MoMo", "VNPay"]), shippingCost: 30000,
    vatPercent: 8, vatCost: Math.round(amount * 0.08), discount: total - amount, discountPercent: Math.round(((total - amount) / total) * 1000) / 10,
    totalProductCost: amount, totalCost: total, totalCostWithVat: amount + Math.round(amount * 0.08), recordStatus: "Active", items, customField01: "kênh POS",
  };
}

/** An order with three problems drawn from order-level and item-level ones. */
function invalidOrder(seed: number): Record<string, unknown> {
  const o = validOrder(seed);
  const r = seededRng(`bench/order-breaks/${seed}`);
  const items = o.items as Record<string, unknown>[];
  const breaks = [
    () => { o.recordStatus = "Delet"; }, () => { o.customerEmail = "lan.nguyen@gmail"; }, () => { o.orderId = " "; }, () => { o.timezoneGmt = 20; },
    () => { items[r.int(0, ITEMS - 1)]!.price = "45000"; }, () => { delete items[r.int(0, ITEMS - 1)]!.productSku; }, () => { items[r.int(0, ITEMS - 1)]!.productName = null; },
    () => { items[r.int(0, ITEMS - 1)] = "SKU001" as unknown as Record<string, unknown>; },
  ];
  for (let k = 0; k < 3; k++) r.pick(breaks)();
  return o;
}

/** The benchmark's orders, as they arrive from the wire (JSON-parsed): every tenth has several problems. */
export function makeOrders(): Record<string, unknown>[] {
  return Array.from({ length: ORDERS }, (_, i) => JSON.parse(JSON.stringify(i % 10 === 9 ? invalidOrder(i) : validOrder(i))) as Record<string, unknown>);
}

// Zod 4, the same rules as SEMANTICS.md for the order and its items (both accept unknown keys: custom fields,
// and the item table is cut short in the saved page).
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const str = z.string().nullish();
const required = z.string().regex(/\S/u);
const num = z.number().finite().nullish();
const timestamp = z.number().int().min(-8.64e15).max(8.64e15).nullish();
const zodItem = z.looseObject({ productSku: required, productName: required, price: num, price4Sale: num, imageLink: str });
export const zodOrder = z.looseObject({
  timezoneGmt: z.number().int().min(-12).max(14).nullish(), systemName: str, internalCompanyId: str, orderId: required, orderStatus: required,
  orderDate: timestamp, customerId: required, customerName: required, customerEmail: z.string().regex(EMAIL), customerPhone: str,
  createdBy: str, createdAt: timestamp, updatedBy: str, updatedAt: timestamp, deliveryMethod: str, deliveryDate: timestamp, deliveryStatus: str,
  shippingCost: num, paymentMethod: str, paymentStatus: str, vatCost: num, vatPercent: num, discount: num, discountPercent: num,
  totalProductCost: num, totalCost: num, totalCostWithVat: num, recordStatus: z.enum(["Active", "Deleted"]).nullish(), items: z.array(zodItem),
});

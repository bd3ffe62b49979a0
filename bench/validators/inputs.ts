// The inputs: the harness's two bodies (bench/harness/make-bodies.mjs: the seed create_order body
// with 2 items and the 1,000-item body), each valid and with one wrong value (`qty: 1.5` in the
// last item, so every validator reads the whole body before it finds it). Parsed once, as
// JSON.parse leaves them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Input {
  readonly id: string;
  readonly body: string;
  readonly valid: boolean;
  readonly value: unknown;
}

interface Order {
  customer_id: string;
  items: { sku: string; qty: number }[];
}

export function loadInputs(dir: string): Input[] {
  return (['small', 'large'] as const).flatMap((body) => {
    const text = readFileSync(join(dir, `${body}.json`), 'utf8');
    const invalid = JSON.parse(text) as Order;
    invalid.items[invalid.items.length - 1].qty = 1.5;
    const name = body === 'small' ? 'seed (2 items)' : '1,000 items';
    return [
      { id: `${name}, valid`, body, valid: true, value: JSON.parse(text) as unknown },
      {
        id: `${name}, invalid`,
        body,
        valid: false,
        value: JSON.parse(JSON.stringify(invalid)) as unknown,
      },
    ];
  });
}

/** An order body of `count` items shaped like make-bodies.mjs's, for the cost-per-item line. */
export function orderOf(count: number): unknown {
  return JSON.parse(
    JSON.stringify({
      customer_id: 'cst_123',
      items: Array.from({ length: count }, (_, i) => ({
        sku: `SKU-${String(i).padStart(4, '0')}`,
        qty: (i % 9) + 1,
      })),
    }),
  );
}

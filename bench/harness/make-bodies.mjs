// Derived from the baseline harness (/work/shared/baseline-bench/bodies/make-bodies.mjs).
// Writes the small (seed, 2 items) and large (1,000 items) request bodies into the directory
// given as argument (default bench/results/bodies; not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'bench/results/bodies';
const small = {
  customer_id: 'cst_123',
  items: [
    { sku: 'SKU-001', qty: 2 },
    { sku: 'SKU-002', qty: 1 },
  ],
};
const large = {
  customer_id: 'cst_123',
  items: Array.from({ length: 1000 }, (_, i) => ({
    sku: `SKU-${String(i).padStart(4, '0')}`,
    qty: (i % 9) + 1,
  })),
};
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'small.json'), JSON.stringify(small));
writeFileSync(join(dir, 'large.json'), JSON.stringify(large));
console.error(
  `bodies: small ${JSON.stringify(small).length} B, large ${JSON.stringify(large).length} B in ${dir}`,
);

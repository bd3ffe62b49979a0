/** The sample's small in-memory product catalog. */
export interface CatalogRow {
  sku: string;
  name: string;
  stock: number;
  price: number;
}

export const INVENTORY: readonly CatalogRow[] = [
  { sku: 'tea-green', name: 'Green tea', stock: 40, price: 4.5 },
  { sku: 'tea-black', name: 'Black tea', stock: 25, price: 3.75 },
  { sku: 'cup-white', name: 'White cup', stock: 12, price: 8 },
  { sku: 'pot-iron', name: 'Iron teapot', stock: 3, price: 42 },
  { sku: 'kettle', name: 'Kettle', stock: 7, price: 29.9 },
];

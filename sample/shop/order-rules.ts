/** The shop's business rules for a new order, as `{ field: message }` (empty when the order is fine). */
export function orderErrors(order: {
  customer_name: string;
  customer_email: string;
  product_name: string;
  quantity: number;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['customer_name', 'customer_email', 'product_name'] as const) {
    if (order[field].trim() === '') errors[field] = 'This field is required.';
  }
  if (!errors.customer_email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(order.customer_email)) {
    errors.customer_email = 'Enter a valid email address.';
  }
  if (order.quantity <= 0) errors.quantity = 'Must be greater than 0.';
  return errors;
}

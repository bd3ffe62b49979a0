import 'reflect-metadata';
import { createSampleApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createSampleApp();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(
    `mindoff sample listening on http://127.0.0.1:${port} — try POST /v1/orders/create_order/`,
  );
}

void main();

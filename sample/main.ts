import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createSampleApp } from './bootstrap';

/**
 * `MINDOFF_ROLE=worker` runs queue tasks only (no HTTP; needs `REDIS_URL`); otherwise the sample
 * serves HTTP on `PORT` (and runs tasks too, unless `MINDOFF_ROLE=api`).
 */
async function main(): Promise<void> {
  if (process.env.MINDOFF_ROLE === 'worker') {
    if (!process.env.REDIS_URL) throw new Error('MINDOFF_ROLE=worker needs REDIS_URL (the queue).');
    const worker = await NestFactory.createApplicationContext(AppModule);
    worker.enableShutdownHooks();
    console.log('mindoff sample worker running tasks from the queue');
    return;
  }
  const app = await createSampleApp();
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(
    `mindoff sample listening on http://127.0.0.1:${port} — try POST /v1/orders/create_order/`,
  );
}

// A sample that cannot start says why and exits non-zero (the port in use, REDIS_URL missing).
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

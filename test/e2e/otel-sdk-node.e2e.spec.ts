import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSample, type SampleProcess } from '../scale/sample-process';
import { sparePort } from '../support/redis-server';

const ROOT = join(__dirname, '../..');

/** The operations guide's instrumentation.ts block (the one that starts a NodeSDK), as written there. */
function readmeInstrumentation(): string {
  const readme = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((code) => code.includes('new NodeSDK('));
  if (!block) throw new Error('docs/operations.md has no NodeSDK example');
  return block;
}

/** A stand-in OTLP/HTTP collector: keeps the body of every export, by path. */
async function startCollector(): Promise<{
  server: Server;
  port: number;
  bodies: Map<string, Buffer[]>;
}> {
  const bodies = new Map<string, Buffer[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.set(req.url ?? '', [...(bodies.get(req.url ?? '') ?? []), Buffer.concat(chunks)]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await sparePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port, bodies };
}

describe("the operations guide's NodeSDK setup, run with the sample", () => {
  let sample: SampleProcess;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let metricsPort: number;
  let dir: string;

  beforeAll(async () => {
    collector = await startCollector();
    metricsPort = await sparePort();
    dir = mkdtempSync(join(tmpdir(), 'mindoff-otel-'));
    // The guide's code, with only the Prometheus port moved off the well-known 9464.
    const code = readmeInstrumentation().replace('port: 9464', `port: ${metricsPort}`);
    writeFileSync(join(dir, 'instrumentation.ts'), code);
    sample = await startSample('api', await sparePort(), {
      NODE_OPTIONS: `--require ${join(ROOT, 'test/support/ts-register.js')} --require ${join(dir, 'instrumentation.ts')}`,
      NODE_PATH: join(ROOT, 'node_modules'),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'mindoff-sample',
    });
  }, 90_000);

  afterAll(async () => {
    await sample?.stop();
    await new Promise((resolve) => collector?.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves mindoff metrics on the Prometheus port and exports the request span over OTLP', async () => {
    const answer = await fetch(`${sample.url}/v1/orders/12/`);
    expect(answer.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(
      /mindoff_requests(_total)?\{[^}]*mindoff_api="orders__get_order"[^}]*\} 1/,
    );
    const deadline = Date.now() + 10_000;
    const exported = () => Buffer.concat(collector.bodies.get('/v1/traces') ?? []);
    while (!exported().includes('GET /v1/orders/get_order/:order_id') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(exported().includes('GET /v1/orders/get_order/:order_id')).toBe(true);
  });
});

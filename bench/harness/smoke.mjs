// Derived from the baseline harness (/work/shared/baseline-bench/smoke.sh), in node: checks a
// server before it is loaded. kind = bare: 200 + the order summary for the small and large
// bodies | stack: + envelope, 401 without/with a bad token, 400 for invalid bodies |
// mindoff: + envelope, 400 for invalid bodies | shaped: + envelope and mindoff's headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN = 'Token tok_bench_123';

async function post(port, body, auth = TOKEN) {
  const headers = { 'content-type': 'application/json' };
  if (auth) headers.authorization = auth;
  const res = await fetch(`http://127.0.0.1:${port}/v1/orders/create_order/`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: json stays null and the check fails on the body
  }
  return { status: res.status, text, json, headers: res.headers };
}

// the summary the handler must return for a body, and where the envelope keeps it
function expected(body) {
  const p = JSON.parse(body);
  return {
    total_qty: p.items.reduce((s, i) => s + i.qty, 0),
    unique_skus: [...new Set(p.items.map((i) => i.sku))].sort(),
  };
}
function dataOf(kind, json) {
  if (!json) return null;
  if (kind === 'bare') return json;
  if (kind === 'stack') return json.code === 200 && json.category === 'success' ? json.data : null;
  return json.status === 'ok' ? json.data : null; // mindoff envelope (mindoff, shaped)
}
const sameSummary = (data, exp) =>
  !!data &&
  typeof data.order_id === 'string' &&
  data.total_qty === exp.total_qty &&
  JSON.stringify(data.unique_skus) === JSON.stringify(exp.unique_skus);

export async function smoke(port, kind, bodiesDir) {
  const lines = [];
  let ok = true;
  const check = (name, pass, r) => {
    lines.push(`  ${pass ? 'ok  ' : 'FAIL'} ${name}: ${r.status} ${r.text.slice(0, 160)}`);
    ok &&= pass;
  };
  for (const name of ['small', 'large']) {
    const body = readFileSync(join(bodiesDir, `${name}.json`), 'utf8');
    const r = await post(port, body);
    check(
      `${name} body -> 200 + summary`,
      r.status === 200 && sameSummary(dataOf(kind, r.json), expected(body)),
      r,
    );
  }
  const small = readFileSync(join(bodiesDir, 'small.json'), 'utf8');
  if (kind === 'shaped' || kind === 'mindoff') {
    const r = await post(port, small);
    const names = ['x-request-id', 'ratelimit-policy', 'ratelimit'];
    check(
      `headers ${names.join(', ')}`,
      names.every((name) => r.headers.has(name)),
      r,
    );
  }
  if (kind === 'stack') {
    for (const [name, auth] of [
      ['no token', null],
      ['bad token', 'Token nope'],
    ]) {
      const r = await post(port, small, auth);
      check(`${name} -> 401`, r.status === 401, r);
    }
  }
  if (kind === 'stack' || kind === 'mindoff') {
    for (const qty of ['"x"', '1.5']) {
      const r = await post(
        port,
        `{"customer_id":"cst_123","items":[{"sku":"SKU-001","qty":${qty}}]}`,
      );
      check(`qty ${qty} -> 400`, r.status === 400, r);
    }
  }
  return { ok, lines };
}

import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { killRedis, launchRedis, sparePort } from './redis-server';

/** A Redis that speaks only TLS (a certificate of a throwaway CA) and only to one ACL user. */
export interface PrivateTlsRedis {
  port: number;
  /** The CA's certificate (PEM), for ioredis `tls: { ca }`. */
  ca: string;
  username: string;
  password: string;
  /** `rediss://user:password@127.0.0.1:<port>`. */
  url: string;
  close(): Promise<void>;
}

const run = promisify(execFile);

/**
 * Makes a CA and a server certificate for 127.0.0.1 with `openssl`, and starts
 * `redis-server --port 0 --tls-port <port>` whose default user is off and whose one user
 * `mindoff-app` may do everything.
 */
export async function startTlsRedis(): Promise<PrivateTlsRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'mindoff-tls-'));
  const file = (name: string) => join(dir, name);
  const subject = (cn: string) => ['-subj', `/CN=${cn}`];
  await run('openssl', ['genrsa', '-out', file('ca.key'), '2048']);
  await run(
    'openssl',
    ['req', '-x509', '-new', '-key', file('ca.key'), '-days', '1'].concat(
      subject('mindoff test CA'),
      ['-out', file('ca.crt')],
    ),
  );
  await run('openssl', ['genrsa', '-out', file('server.key'), '2048']);
  await run(
    'openssl',
    ['req', '-new', '-key', file('server.key')].concat(subject('127.0.0.1'), [
      '-out',
      file('server.csr'),
    ]),
  );
  writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  await run(
    'openssl',
    ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt')]
      .concat(['-CAkey', file('ca.key'), '-CAcreateserial', '-days', '1'])
      .concat(['-extfile', file('ext.cnf'), '-out', file('server.crt')]),
  );
  const ca = readFileSync(file('ca.crt'), 'utf8');
  const port = await sparePort();
  const [username, password] = ['mindoff-app', 'tls-secret-1'];
  const child: ChildProcess = await launchRedis(
    port,
    ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--dir', dir]
      .concat(['--tls-cert-file', file('server.crt'), '--tls-key-file', file('server.key')])
      .concat(['--tls-ca-cert-file', file('ca.crt'), '--tls-auth-clients', 'no'])
      .concat(['--user', 'default', 'off', '--user', username, 'on', `>${password}`])
      .concat(['~*', '&*', '+@all']),
    (p) => answersOverTls(p, ca),
  );
  return {
    port,
    ca,
    username,
    password,
    url: `rediss://${username}:${password}@127.0.0.1:${port}`,
    close: async () => {
      await killRedis(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a TLS Redis on `port` answers at all (a NOAUTH refusal counts: it is up). */
function answersOverTls(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', ca }, () => socket.write('PING\r\n'));
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(/^[+-]/.test(data.toString())));
  });
}

#!/usr/bin/env node
// The `mindoff` executable (package.json `bin`): `npx mindoff client <document> --out <file>`.
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fetch: (url, init) => fetch(url, init),
}).then((code) => {
  process.exitCode = code;
});

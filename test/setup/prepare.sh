#!/usr/bin/env bash
# Makes sure what the specs need is on this machine before `npm test` runs them: a Redis answering
# at REDIS_URL (the queue specs) and Debian's Chromium (the browser specs). As root with apt it
# installs and starts what is missing; otherwise it names the command to run.
set -euo pipefail

export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  echo "npm test: installing Debian package(s) $* (once) ..." >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq "$@" >/dev/null
}

redis_answers() {
  node -e '
    const net = require("node:net");
    const u = new URL(process.env.REDIS_URL);
    const s = net.connect(Number(u.port || 6379), u.hostname);
    s.setTimeout(2000, () => process.exit(1));
    s.on("error", () => process.exit(1));
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));'
}

if ! redis_answers; then
  if ! command -v redis-server >/dev/null 2>&1; then
    if can_apt; then
      apt_install redis-server
    else
      echo "npm test: no Redis answers at $REDIS_URL; install and start one: sudo apt-get install redis-server && redis-server --daemonize yes --save '' --appendonly no" >&2
      exit 1
    fi
  fi
  port="$(node -e 'console.log(new URL(process.env.REDIS_URL).port || 6379)')"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis_answers && break; sleep 0.2; done
  redis_answers || { echo "npm test: Redis did not start at $REDIS_URL" >&2; exit 1; }
fi

if [ ! -x "$CHROMIUM" ]; then
  if can_apt; then
    apt_install chromium
  else
    echo "npm test: the browser specs need Chromium at $CHROMIUM; install it: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

#!/usr/bin/env bash
# The README's test command: on a fresh Debian machine it installs what is missing, starts
# PostgreSQL and Redis when they are down, gives the run a database of its own, then runs every
# layer (`npm test`). Point it at other services with TEST_DATABASE_URL / TEST_REDIS_URL: then it
# starts nothing locally and only checks that they answer.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n=== %s ===\n' "$*"; }
fail() { printf 'test:all: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

log "System packages (Chromium for Playwright, promtool for the Prometheus check)"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v promtool >/dev/null || missing+=(prometheus)
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install them; install them, then run again"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v promtool >/dev/null || fail "promtool is still missing (Debian package prometheus)"

admin_url="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"

log "PostgreSQL ($(sed -E 's#//[^@/]*@#//…@#' <<<"$admin_url"))"
if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql "$admin_url" -v ON_ERROR_STOP=1 -qc 'SELECT 1' >/dev/null || fail "PostgreSQL does not answer at TEST_DATABASE_URL"

log "Redis ($redis_url)"
if [ -z "${TEST_REDIS_URL:-}" ] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi
[ "$(redis-cli -u "$redis_url" ping 2>/dev/null)" = PONG ] || fail "Redis does not answer at TEST_REDIS_URL"

log "A database of its own for this run"
run_db="khaacho_run_$(date +%s)_$$"
psql "$admin_url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$run_db\""
trap 'psql "$admin_url" -qc "DROP DATABASE IF EXISTS \"$run_db\" WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
TEST_DATABASE_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$admin_url" "$run_db")"
export TEST_DATABASE_URL TEST_REDIS_URL="$redis_url"

if [ ! -d node_modules ]; then
  log "Install from the lock"
  npm ci --no-audit --no-fund
fi

log "npm test"
npm test

#!/usr/bin/env bash
# `npm test`: every suite — types, unit tests, integration tests through real clients (AWS SDK, Debian's awscli)
# against a running server, and Playwright e2e tests in Debian's Chromium against the built console.
# Installs the system packages the tests need when they are missing (as root, through apt).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/aws ] || need+=(awscli)
# initdb/pg_ctl for the PostgreSQL pass of the integration suite (Debian's packages put them in /usr/lib/postgresql/<n>/bin).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${need[*]} (Debian packages)"
    apt-get -o DPkg::Lock::Timeout=120 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: install them (sudo apt-get install -y ${need[*]}) and run again" >&2
    exit 1
  fi
fi
[ -d node_modules ] || npm ci

echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint (ESLint, import boundaries between layers, no folder cycles) and format (Prettier)"
npm run --silent lint
npm run --silent format:check
echo "== unit tests"
npx vitest run
echo "== integration tests on SQLite (AWS SDK and awscli against a running server)"
GATEHOUSE_TEST_STORE=sqlite npx vitest run --config vitest.integration.config.mts
echo "== integration tests on PostgreSQL (the same suite; a throwaway cluster, one database per test server)"
GATEHOUSE_TEST_STORE=postgres npx vitest run --config vitest.integration.config.mts
if [ -f playwright.config.ts ]; then
  echo "== console build"
  npx next build >/tmp/gatehouse-next-build.log 2>&1 || { tail -50 /tmp/gatehouse-next-build.log; exit 1; }
  echo "== e2e tests (Playwright, Chromium)"
  npx playwright test
fi
echo "== all suites passed"

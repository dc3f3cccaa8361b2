#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Installs the Debian packages the
# tests need when missing (scripts/test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# The Vite config pulls the SOP schema into its build-time YAML plugin; its note about the
# future "native" config loader is not actionable here.
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true

# A clean clone has no node_modules: install exactly what package-lock.json pins.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"; npm ci --no-audit --no-fund
fi
bash scripts/test-deps.sh
echo "== lint"; npx eslint --max-warnings 0 .
echo "== typecheck"; npm run --silent typecheck
echo "== SOP packs"; npx tsx scripts/sop-lint.ts
echo "== build"; npm run --silent build
echo "== tests (unit, dom, e2e, integration)"; npx vitest run

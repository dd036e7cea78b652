#!/usr/bin/env bash
# Builds Jobhound and opens it. Arguments go to the app (e.g. --data-dir DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh
(cd ui && npm run build)
cargo build --release -p jobhound-app
exec "$CARGO_TARGET_DIR/release/jobhound" "$@"

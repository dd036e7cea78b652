#!/usr/bin/env bash
# Every check and test Jobhound has, after installing what they need. CI runs exactly this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n=== %s (%ss)\n' "$1" "$SECONDS"; }

step "setup"
./scripts/setup.sh --test

step "rustfmt"
cargo fmt --all --check

step "UI build (the app embeds it)"
(cd ui && npm run build)

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

# One build of every target with one feature set: the tests, the app, the CLI and the mock language
# model server the end-to-end tests start. A separate `cargo build -p jobhound-app` resolves features
# without the test-only ones and compiled much of the graph a second time (189 s of a cold run).
step "Rust build: libraries, binaries, tests and examples"
cargo build --workspace --lib --bins --tests --examples

step "Rust tests (they also write the TypeScript bindings of every #[ts(export)] type)"
# Removed first, so a binding whose Rust type is gone shows up as a deleted file below.
rm -f ui/src/lib/bindings/*.ts
cargo test --workspace

step "TypeScript bindings match the Rust types"
if ! git diff --quiet -- ui/src/lib/bindings || [ -n "$(git ls-files --others --exclude-standard -- ui/src/lib/bindings)" ]; then
  git status --short -- ui/src/lib/bindings
  echo "cargo test rewrote ui/src/lib/bindings above: the IPC types changed; check the UI and commit (or stage) the files" >&2
  exit 1
fi

step "UI type check, lint and unit tests"
(cd ui && npm run check && npm run lint && npm test)

step "end-to-end tests"
./tests/e2e/run.sh

step "all checks passed"

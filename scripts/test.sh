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

step "Rust tests"
cargo test --workspace

step "UI type check, lint and unit tests"
(cd ui && npm run check && npm run lint && npm test)

step "app and CLI binaries, and the mock language model server"
cargo build -p jobhound-app -p jobhound-cli
cargo build -p jobhound-llm --features mock --example mock_openai

step "end-to-end tests"
./tests/e2e/run.sh

step "all checks passed"

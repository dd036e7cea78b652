#!/usr/bin/env bash
# The end-to-end tests: the real app under a virtual X display, inside a private D-Bus session (so
# WebKit's helper daemons end with the tests) with an unlocked GNOME Keyring in a throwaway folder
# (so source keys go through the real Secret Service), driven through tauri-driver.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
export JOBHOUND_APP_BINARY="${JOBHOUND_APP_BINARY:-$CARGO_TARGET_DIR/debug/jobhound}"
export PATH="$HOME/.cargo/bin:$PATH"
[ -x "$JOBHOUND_APP_BINARY" ] || { echo "e2e: no app binary at $JOBHOUND_APP_BINARY (cargo build -p jobhound-app)" >&2; exit 1; }

display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
export DISPLAY=":$display"
export WEBKIT_DISABLE_COMPOSITING_MODE=1

keyrings=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$keyrings"' EXIT

cd "$here"
# With arguments, only those test files run (e.g. `run.sh applying.test.mjs`); without, all of them.
XDG_DATA_HOME="$keyrings" dbus-run-session -- bash -c \
	'eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)"
	 # A notification daemon, so the real notify-rust path shows (and dunstctl can read back) digests.
	 if command -v dunst >/dev/null; then dunst >/dev/null 2>&1 & fi
	 if [ $# -gt 0 ]; then exec node --test --test-concurrency=1 --test-reporter=spec "$@"; fi
	 ./llm-keychain.sh
	 npm test' run-e2e "$@"


#!/usr/bin/env bash
# The end-to-end tests: the real app under virtual X displays, each inside a private D-Bus session
# (so WebKit's helper daemons end with the tests) with an unlocked GNOME Keyring in a throwaway
# folder (so source keys go through the real Secret Service), driven through tauri-driver.
#
#   tests/e2e/run.sh                      every test file, JOBHOUND_E2E_WORKERS (2) at a time
#   tests/e2e/run.sh applying.test.mjs    only those files
#
# Alone, one file at a time left the two cores idle 63% of the run (the app waits on its window,
# timers and mock servers), so workers take files from one queue, each with a display, bus and
# keyring of its own: nothing a test sees is shared with the test beside it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
export JOBHOUND_APP_BINARY="${JOBHOUND_APP_BINARY:-$CARGO_TARGET_DIR/debug/jobhound}"
export PATH="$HOME/.cargo/bin:$PATH"
export WEBKIT_DISABLE_COMPOSITING_MODE=1
[ -x "$JOBHOUND_APP_BINARY" ] || { echo "e2e: no app binary at $JOBHOUND_APP_BINARY (cargo build -p jobhound-app)" >&2; exit 1; }
cd "$here"

all=false
if [ $# -gt 0 ]; then
	files=("$@")
else
	all=true
	# Longest first, so the last file a worker takes is a short one; a file's size is close enough
	# to its running time for that.
	mapfile -t files < <(ls -S -- *.test.mjs)
fi
workers=${JOBHOUND_E2E_WORKERS:-2}
[ "$workers" -gt "${#files[@]}" ] && workers=${#files[@]}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '%s\n' "${files[@]}" >"$scratch/queue"
echo 0 >"$scratch/next"
export E2E_SCRATCH="$scratch"

# Hands out the next file of the queue (empty when none is left), under a lock the workers share.
next_file() {
	exec 9>"$E2E_SCRATCH/lock"
	flock 9
	local index
	index=$(cat "$E2E_SCRATCH/next")
	echo $((index + 1)) >"$E2E_SCRATCH/next"
	sed -n "$((index + 1))p" "$E2E_SCRATCH/queue"
	exec 9>&-
}
export -f next_file

# One worker: a display, then a bus with a keyring and a notification daemon, then files from the
# queue until it is empty. Each file's output goes to a log of its own, printed whole at the end.
worker() {
	local number=$1 extra=$2
	local xvfb display keyrings
	Xvfb -displayfd 4 -screen 0 1400x900x24 -nolisten tcp 4>"$scratch/display-$number" >/dev/null 2>&1 &
	xvfb=$!
	for _ in $(seq 1 100); do [ -s "$scratch/display-$number" ] && break; sleep 0.1; done
	display=$(tr -d '\n' <"$scratch/display-$number")
	[ -n "$display" ] || { echo "e2e: worker $number: Xvfb did not start" >&2; kill "$xvfb" 2>/dev/null; return 1; }
	keyrings=$(mktemp -d)
	local status=0
	DISPLAY=":$display" XDG_DATA_HOME="$keyrings" dbus-run-session -- bash -c \
		'eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
		 # A notification daemon, so the real notify-rust path shows (and dunstctl can read back) digests.
		 if command -v dunst >/dev/null; then dunst >/dev/null 2>&1 & fi
		 status=0
		 if [ "$1" = keychain ]; then
		 	./llm-keychain.sh >"$E2E_SCRATCH/log-0-llm-keychain" 2>&1 || {
		 		status=1
		 		echo llm-keychain.sh >>"$E2E_SCRATCH/failed"
		 	}
		 fi
		 while file=$(next_file) && [ -n "$file" ]; do
		 	echo "e2e: worker $2 (display $DISPLAY): $file" >&2
		 	node --test --test-concurrency=1 --test-reporter=spec "$file" >"$E2E_SCRATCH/log-${file##*/}" 2>&1 || {
		 		status=1
		 		echo "$file" >>"$E2E_SCRATCH/failed"
		 	}
		 done
		 exit $status' run-e2e "$extra" "$number" || status=$?
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$keyrings"
	return "$status"
}

started=$SECONDS
pids=()
for number in $(seq 1 "$workers"); do
	extra=none
	# The API key through the real keychain, once per full run.
	$all && [ "$number" -eq 1 ] && extra=keychain
	worker "$number" "$extra" &
	pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

[ -f "$scratch/log-0-llm-keychain" ] && cat "$scratch/log-0-llm-keychain"
for file in "${files[@]}"; do
	echo "--- $file"
	cat "$scratch/log-${file##*/}" 2>/dev/null || echo "(never ran)"
done
tests=$(cat "$scratch"/log-*.mjs 2>/dev/null | awk '/^ℹ tests /{n+=$3} END {print n+0}' || true)
echo "e2e: $tests tests in ${#files[@]} files, $((SECONDS - started)) s with $workers workers"
if [ -f "$scratch/failed" ]; then
	echo "e2e: failed: $(tr '\n' ' ' <"$scratch/failed")" >&2
	status=1
fi
exit "$status"

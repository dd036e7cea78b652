#!/usr/bin/env bash
# The update end to end: installs version A's .deb (the debug package the test command built),
# packages the same code as version B, signs it with a key pair made here, serves B with its
# manifest from a local server, and lets installed-update.mjs click "Install and restart". Then
# /usr/bin/jobhound --version must print B and the person's data must be as it was. Leaves the
# package removed and the build as version A's again.
#
#   tests/e2e/update.sh PACKAGE_A.deb
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
deb_a=$(realpath "${1:?usage: update.sh PACKAGE_A.deb}")

# shellcheck source=packages.sh
. "$here/packages.sh"
fail() { echo "update: $*" >&2; exit 1; }
work=$(mktemp -d)
server=""
built_b=false
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	remove_package 2>/dev/null || true
	# Version A's binary again in the build directory, which the window tests run. Copied back
	# rather than rebuilt: cargo recorded B's TAURI_CONFIG, so its next build recompiles the app
	# anyway, and a rebuild here would cost the test run a compile and a link for nothing.
	# Cargo still takes the file for B's build, though: run again, this script would package A's
	# binary as B (seen: "update 0.1.1 installed", then 0.1.0 starting). A newer source makes the
	# next build of the app compile, as the test command's next run does anyway.
	if $built_b; then
		cp "$work/jobhound-a" "$CARGO_TARGET_DIR/debug/jobhound"
		touch "$root/src-tauri/src/main.rs"
	fi
	rm -rf "$work"
}
trap cleanup EXIT

version=$(workspace_version)
next="${version%.*}.$(( ${version##*.} + 1 ))"

# Version B: the same code compiled and packaged with the next patch version.
cp "$deb_a" "$work/a.deb"
cp "$CARGO_TARGET_DIR/debug/jobhound" "$work/jobhound-a"
built_b=true
(cd "$root" && TAURI_CONFIG="{\"version\":\"$next\"}" cargo build --workspace --lib --bins --examples)
deb_b=$(cd "$root" && JOBHOUND_PACKAGE_VERSION="$next" JOBHOUND_PACKAGE_BUNDLES=deb ./scripts/package.sh --debug --no-build | grep '\.deb$')
mkdir "$work/site"
cp "$deb_b" "$work/site/"
name=$(basename "$deb_b")

tauri="$root/node_modules/.bin/tauri"
"$tauri" signer generate --ci -w "$work/update.key" -p "" >/dev/null
"$tauri" signer sign -f "$work/update.key" -p "" "$work/site/$name" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
signature=$(cat "$work/site/$name.sig")
cat >"$work/site/latest.json" <<JSON
{"version": "$next", "notes": "- Version $next, for the update test", "pub_date": "2026-12-20T00:00:00Z",
 "platforms": {"linux-x86_64-deb": {"signature": "$signature", "url": "$base/$name"}}}
JSON
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!

install_package "$work/a.deb"
[ "$(/usr/bin/jobhound --version)" = "jobhound $version" ] || fail "version A is not what was installed"
mkdir "$work/home"
export JOBHOUND_APP_BINARY=/usr/bin/jobhound JOBHOUND_SMOKE_HOME="$work/home" JOBHOUND_NEXT_VERSION="$next"
export JOBHOUND_UPDATE_URL="$base/latest.json" JOBHOUND_UPDATE_PUBKEY="$(cat "$work/update.key.pub")"
"$here/run.sh" installed-update.mjs

[ "$(/usr/bin/jobhound --version)" = "jobhound $next" ] || fail "after the update: $(/usr/bin/jobhound --version)"
jobs=$(count_jobs "$work/home")
[ "$jobs" -eq 3 ] || fail "the person's 3 demo jobs are not there after the update ($jobs)"
echo "update: $version -> $next through the app's own updater; the 3 demo jobs are still there"

#!/usr/bin/env bash
# The installed .deb, tested as a person uses it: installs it (replacing any installed Jobhound),
# checks the versions and what the package put on the system, runs the window tests against
# /usr/bin/jobhound, then removes the package and checks the user's data stays and a reinstall
# finds it. Leaves the package removed.
#
#   tests/e2e/installed.sh --smoke PACKAGE.deb   the short smoke test (the test command runs this)
#   tests/e2e/installed.sh PACKAGE.deb           every window test against the installed app
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

smoke=false
[ "${1:-}" = "--smoke" ] && { smoke=true; shift; }
deb=$(realpath "${1:?usage: installed.sh [--smoke] PACKAGE.deb}")

# shellcheck source=packages.sh
. "$here/packages.sh"
fail() { echo "installed: $*" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"; remove_package 2>/dev/null || true' EXIT

install_package "$deb"
version=$(workspace_version)
[ "$(/usr/bin/jobhound --version)" = "jobhound $version" ] || fail "jobhound --version: $(/usr/bin/jobhound --version)"
[ "$(/usr/bin/jobhound-cli --version)" = "jobhound-cli $version" ] || fail "jobhound-cli --version: $(/usr/bin/jobhound-cli --version)"
[ "$(command -v jobhound-cli)" = /usr/bin/jobhound-cli ] || fail "jobhound-cli is not on PATH"
entry=/usr/share/applications/Jobhound.desktop
grep -qx 'Exec=jobhound' "$entry" && grep -qx 'Icon=jobhound' "$entry" || fail "$entry does not start the app with its icon"
for size in 16 24 32 48 64 128 256 512; do
	[ -f "/usr/share/icons/hicolor/${size}x${size}/apps/jobhound.png" ] || fail "no ${size}x${size} icon"
done
echo "installed: $deb ($version), app and CLI on PATH, desktop entry and icons in place"

export JOBHOUND_APP_BINARY=/usr/bin/jobhound JOBHOUND_SMOKE_HOME="$home"
if $smoke; then
	"$here/run.sh" installed-smoke.mjs
else
	"$here/run.sh"
	"$here/run.sh" installed-smoke.mjs
fi

# Started from a desktop entry there is no terminal: the log is in the OS's place for it.
log="$home/.local/share/app.jobhound.desktop/logs/jobhound.log"
grep -q "Jobhound $version starting" "$log" || fail "the installed app wrote no log to $log"

# The data the smoke test left where the OS keeps it, read with the installed CLI.
data="$home/.local/share/app.jobhound.desktop"
before=$(count_jobs "$home")
[ "$before" -eq 3 ] || fail "expected the 3 demo jobs in $data, found $before"
remove_package
[ ! -e /usr/bin/jobhound ] || fail "removing the package left /usr/bin/jobhound"
[ -f "$data/jobhound.db" ] || fail "removing the package removed the user's data in $data"
install_package "$deb"
[ "$(count_jobs "$home")" -eq "$before" ] || fail "the reinstalled app did not find the $before jobs in $data"
echo "installed: removing the package kept $data; the reinstalled CLI reads its $before jobs"

#!/usr/bin/env bash
# CHANGELOG.md as a Debian changelog (what a .deb carries in /usr/share/doc/jobhound): one entry
# per "## X.Y.Z" section, its "- " items as entries' lines, dated by the last commit for a
# reproducible package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
maintainer=$(sed -n 's/^authors = \["\(.*\)"\]$/\1/p' "$root/Cargo.toml")
date=$(date -R -u -d "@$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)")
awk -v maintainer="$maintainer" -v date="$date" '
	function close_entry() { if (open) { printf "\n -- %s  %s\n\n", maintainer, date; open = 0 } }
	/^## / { close_entry(); printf "jobhound (%s) stable; urgency=medium\n\n", $2; open = 1; next }
	!open { next }
	/^- / { sub(/^- /, ""); printf "  * %s\n", $0; next }
	/^  [^ ]/ && open { sub(/^  /, ""); printf "    %s\n", $0; next }
	END { close_entry() }
' "$root/CHANGELOG.md"

#!/usr/bin/env bash
# The LLM API key through the real Secret Service (run.sh calls this inside its D-Bus session with
# an unlocked GNOME Keyring): stored by the CLI, found by secret-tool, absent from every file in
# the data dir, and removed again.
set -euo pipefail
# The CLI beside the app under test (the build's, or the installed one).
cli="$(dirname "$JOBHOUND_APP_BINARY")/jobhound-cli"
[ -x "$cli" ] || { echo "llm-keychain: no CLI at $cli" >&2; exit 1; }
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export JOBHOUND_DATA_DIR="$data"
unset JOBHOUND_KEYCHAIN JOBHOUND_LLM_API_KEY
key="sk-e2e-keychain-$RANDOM$RANDOM"
fail() { echo "llm-keychain: $*" >&2; exit 1; }

[ "$("$cli" config get llm.api_key)" = "not set" ] || fail "a key was set before the test"
printf '%s' "$key" | "$cli" config set llm.api_key >/dev/null
[ "$("$cli" config get llm.api_key)" = "set (keychain)" ] || fail "the key was not read back from the keychain"
[ "$(secret-tool lookup service app.jobhound.desktop username llm.api_key)" = "$key" ] ||
	fail "secret-tool does not see the key under service app.jobhound.desktop"
if grep -rqF "$key" "$data"; then fail "the key reached a file in the data dir"; fi
"$cli" config set llm.api_key "" >/dev/null
[ "$("$cli" config get llm.api_key)" = "not set" ] || fail "the key was not removed"
echo "llm-keychain: key stored in and removed from the real Secret Service; never written to the data dir"

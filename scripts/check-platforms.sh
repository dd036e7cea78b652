#!/usr/bin/env bash
# What this Linux machine can check of the macOS and Windows builds: their dependency graphs
# resolve, hold nothing of the Linux desktop (GTK, WebKitGTK, D-Bus, the Secret Service), and do
# hold the platform's own keychain and notification backends. (Compiling for them needs their
# SDKs; the release workflow does that.)
set -euo pipefail
cd "$(dirname "$0")/.."

linux_only='^(gtk|gtk-sys|gdk|gdk-sys|webkit2gtk|webkit2gtk-sys|javascriptcore-rs|soup3|libappindicator|libappindicator-sys|dbus|libdbus-sys|zbus|secret-service|zbus-secret-service-keyring-store|dbus-secret-service-keyring-store|linux-keyutils-keyring-store)$'

check() {
	local target=$1
	shift
	local crates
	crates=$(cargo tree --workspace -e normal --target "$target" --prefix none | sed 's/ v[0-9].*//' | sort -u)
	local found
	found=$(grep -E "$linux_only" <<<"$crates" | tr '\n' ' ' || true)
	if [ -n "$found" ]; then
		echo "platforms: the $target build would link Linux desktop crates: $found" >&2
		return 1
	fi
	for wanted in "$@"; do
		if ! grep -qx "$wanted" <<<"$crates"; then
			echo "platforms: the $target build lacks $wanted" >&2
			return 1
		fi
	done
	echo "platforms: $target resolves with $* and no Linux desktop crate"
}

windows=(windows-native-keyring-store tauri-winrt-notification tauri-plugin-updater tauri-plugin-single-instance)
macos=(apple-native-keyring-store mac-notification-sys tauri-plugin-updater tauri-plugin-single-instance)
check x86_64-pc-windows-msvc "${windows[@]}"
check aarch64-apple-darwin "${macos[@]}"
check x86_64-apple-darwin "${macos[@]}"

# A Windows checkout converts line endings of text files unless told not to; the recorded payloads,
# labelled data and migrations are read byte for byte, so each must be marked -text.
converted=$(git ls-files -- assets/recorded assets/eval migrations | git check-attr --stdin text | grep -v ': text: unset$' || true)
if [ -n "$converted" ]; then
	echo "platforms: .gitattributes lets Windows checkouts convert these files:" >&2
	echo "$converted" >&2
	exit 1
fi
echo "platforms: recorded payloads, labelled data and migrations stay byte-exact on Windows checkouts"

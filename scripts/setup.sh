#!/usr/bin/env bash
# Installs everything Jobhound needs to build (and, with --test, to run every test) on Debian 12 or
# Ubuntu 22.04+. Safe to run again: it installs only what is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

packages=(build-essential pkg-config file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
	libayatana-appindicator3-dev librsvg2-dev)
$want_tests && packages+=(xvfb webkit2gtk-driver dbus-x11 procps imagemagick gnome-keyring libsecret-tools dunst python3-xlib poppler-utils xdotool python3-gi gir1.2-gtk-3.0 lintian rpm sudo dovecot-imapd openssl chromium firefox-esr)

missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The IMAP tests' private Dovecot runs mail processes as this user, never as root.
if $want_tests && ! id jhmail >/dev/null 2>&1; then
	"${sudo_cmd[@]}" useradd --system --no-create-home --shell /usr/sbin/nologin jhmail
fi

if ! command -v cargo >/dev/null 2>&1; then
	[ -x "$HOME/.cargo/bin/cargo" ] || curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
	export PATH="$HOME/.cargo/bin:$PATH"
fi
if command -v rustup >/dev/null 2>&1; then
	rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
	echo "setup: Node.js 20.19 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
	echo "       Install it from your distribution or https://nodejs.org and run this again." >&2
	exit 1
fi

install_npm() {
	local dir=$1
	# npm ci only when the lock file changed since the last install.
	if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		(cd "$dir" && npm ci --no-audit --no-fund)
	fi
}
# The Tauri CLI (packaging) at the root; the UI's packages in ui/; the browser extension's in extension/.
install_npm .
install_npm ui
install_npm extension

if $want_tests; then
	install_npm tests/e2e
	command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked
fi

#!/usr/bin/env bash
# Builds the installers this machine can build offline: a .deb and an .rpm holding the app and
# jobhound-cli. (AppImage, MSI, NSIS and DMG download their tools at bundle time, so the release
# workflow builds those.) Prints the packages' paths, one a line, last.
#
#   ./scripts/package.sh                       release build, as shipped
#   ./scripts/package.sh --debug               from a debug build (no release compile)
#   ./scripts/package.sh --debug --no-build    the debug build as it is (the test command's)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobhound-target}"
export PATH="$HOME/.cargo/bin:$PATH"

profile=release
build=true
for arg in "$@"; do
	case $arg in
	--debug) profile=debug ;;
	# Rebuilding the UI would make cargo relink the app the end-to-end tests are running.
	--no-build) build=false ;;
	*) echo "package: unknown argument $arg" >&2; exit 2 ;;
	esac
done

if $build; then
	./scripts/setup.sh
	(cd ui && npm run build)
	if [ "$profile" = debug ]; then
		# The same command (and so the same features) as the test build: nothing compiles twice.
		cargo build --workspace --lib --bins --examples
	else
		cargo build --release -p jobhound-app -p jobhound-cli
	fi
fi
out="$CARGO_TARGET_DIR/$profile"

# The CLI ships beside the app (on PATH in /usr/bin). The bundler takes such binaries as
# "external binaries", named with the target triple.
triple=$(rustc -vV | sed -n 's/^host: //p')
staged="$CARGO_TARGET_DIR/package-bin"
mkdir -p "$staged"
cp "$out/jobhound-cli" "$staged/jobhound-cli-$triple"

# A debug package holds stripped copies, as a release one does (strip = "symbols"): the debug
# binaries' line tables are 290 of their 370 MB, which the bundler would compress, lintian read
# and dpkg unpack on every test run. The bundler reads the app from the target directory it is
# given, so the stripped app goes in a directory of its own and the debug build stays whole.
bundle_target="$CARGO_TARGET_DIR"
if [ "$profile" = debug ]; then
	bundle_target="$CARGO_TARGET_DIR/package-debug"
	mkdir -p "$bundle_target/debug"
	strip -o "$bundle_target/debug/jobhound" "$out/jobhound"
	strip "$staged/jobhound-cli-$triple"
fi

# The .deb declares the oldest glibc it runs on (tauri.conf.json); a build machine newer than
# that could link newer symbols, and the package would install where the app cannot start.
declared=$(sed -n 's/.*"libc6 (>= \([0-9.]*\))".*/\1/p' tauri.conf.json)
for binary in "$out/jobhound" "$out/jobhound-cli"; do
	needed=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
	if [ "$(printf '%s\n%s\n' "$needed" "$declared" | sort -V | tail -1)" != "$declared" ]; then
		echo "package: $binary needs glibc $needed, but the package declares libc6 >= $declared" >&2
		exit 1
	fi
done

# Debian keeps a package's change log, in its own format, gzipped beside its copyright (the
# bundler's own option would put CHANGELOG.md as it is under the product name, Jobhound).
./scripts/debian-changelog.sh | gzip -9n >"$staged/changelog.gz"
config="{\"bundle\":{\"externalBin\":[\"$staged/jobhound-cli\"],
  \"linux\":{\"deb\":{\"files\":{\"/usr/share/doc/jobhound/changelog.gz\":\"$staged/changelog.gz\"}}}}}"
# The update test packages a second version of the same code: the built binary was compiled with
# TAURI_CONFIG carrying that version, and the package must say the same.
[ -n "${JOBHOUND_PACKAGE_VERSION:-}" ] && config="${config%\}},\"version\":\"$JOBHOUND_PACKAGE_VERSION\"}"
# The update test needs only version B's .deb.
bundle_args=(--bundles "${JOBHOUND_PACKAGE_BUNDLES:-deb,rpm}" --config "$config")
[ "$profile" = debug ] && bundle_args=(--debug "${bundle_args[@]}")
bundle_dir="$bundle_target/$profile/bundle"
rm -rf "$bundle_dir/deb" "$bundle_dir/rpm"
CARGO_TARGET_DIR="$bundle_target" npx --no-install tauri bundle "${bundle_args[@]}"

ls "$bundle_dir"/deb/*.deb "$bundle_dir"/rpm/*.rpm 2>/dev/null || true

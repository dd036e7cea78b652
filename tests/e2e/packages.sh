# What installed.sh and update.sh share (sourced, not run): installing and removing the package
# as root, the workspace version, and counting the jobs a home's default data folder holds.
# Expects $root (the repository) to be set.

package_sudo=()
[ "$(id -u)" -ne 0 ] && package_sudo=(sudo)

install_package() { DEBIAN_FRONTEND=noninteractive "${package_sudo[@]}" dpkg -i "$1" >/dev/null; }
remove_package() { DEBIAN_FRONTEND=noninteractive "${package_sudo[@]}" dpkg -r jobhound >/dev/null; }

workspace_version() { sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1; }

# The jobs the installed CLI finds where the OS keeps data for the person whose home is $1.
count_jobs() {
	env -u JOBHOUND_DATA_DIR HOME="$1" XDG_DATA_HOME="$1/.local/share" jobhound-cli jobs list --json |
		grep -o '"id"' | wc -l
}

#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring,
# in a throwaway HOME, so the `keyring` tests use a real Secret Service and
# never the developer's own keyring.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with_secret_service: dbus-run-session or gnome-keyring-daemon is not installed;" \
       "the keyring tests are skipped (CI installs them)." >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exec env REBUILD_NO_SECRET_SERVICE=1 QT_QPA_PLATFORM=offscreen "$@"
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
       XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c '
  eval "$(printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export REBUILD_SECRET_SERVICE=1 QT_QPA_PLATFORM=offscreen
  exec "$@"' with_secret_service "$@" 2> >(grep -v "Failed to set fd limit" >&2)

#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring,
# in a throwaway HOME, so the `keyring` tests use a real Secret Service and
# never the developer's own keyring.
#
# Without dbus-run-session or gnome-keyring-daemon the command still runs and
# the `keyring` tests skip with a visible reason; with CI=true that is an error.
# pytest's "no tests collected" (exit 5) counts as success.
set -euo pipefail

run() {
  local status=0
  "$@" || status=$?
  if [ "$status" = 5 ]; then status=0; fi
  return "$status"
}

if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with_secret_service: dbus-run-session or gnome-keyring-daemon is not installed;" \
       "the keyring tests are skipped (CI installs them)." >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  run env QT_QPA_PLATFORM=offscreen "$@"
  exit $?
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
       XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# Inside the session: start the daemon, unlock (creating) the login keyring,
# and refuse to go on unless the Secret Service answers on the bus.
inner='
  set -euo pipefail
  eval "$(printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets)"
  for _ in $(seq 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
         | grep -q "boolean true"; then
      export REBUILD_SECRET_SERVICE=1 QT_QPA_PLATFORM=offscreen
      exec "$@"
    fi
    sleep 0.1
  done
  echo "with_secret_service: the Secret Service did not start." >&2
  exit 1'
# dbus-daemon complains that a container won't raise its fd limit; only that
# line is dropped from standard error.
run dbus-run-session -- bash -c "$inner" with_secret_service "$@" \
  2> >(grep --line-buffered -v "Failed to set fd limit" >&2)

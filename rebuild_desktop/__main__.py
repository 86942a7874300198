"""``python -m rebuild_desktop`` and the ``rebuild-desktop`` launcher."""

from __future__ import annotations

import sys


def main() -> None:
    from rebuild_desktop import cli
    from rebuild_desktop.hardening import harden_process

    harden_process()  # before anything is read or written
    sys.exit(cli.main(sys.argv[1:]))


if __name__ == "__main__":
    main()

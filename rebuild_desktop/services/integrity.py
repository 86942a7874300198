"""Is a vault sound? The check behind ``verify``."""

from __future__ import annotations

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.integrity import integrity_problems


def check_vault(vault: Vault) -> None:
    """Check every page's authentication code and the database structure.

    The key was already checked when the vault opened (its key check value and
    the first keyed read).

    Raises:
        VaultDamaged: any page or structure problem; nothing is changed.
    """
    problems = integrity_problems(vault.db)
    if problems:
        raise VaultDamaged(
            f"The vault file has {problems} damaged part(s); it was left exactly as it is. "
            "A backup or an export can restore it."
        )

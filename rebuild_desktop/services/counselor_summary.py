"""What the export screen needs to prepare a counselor summary, in one place.

Views talk to services, not to ``export`` or ``storage`` directly; this
module hands them the section list, the partners' names and the two slow
operations (preview and write), which the view runs through ``TaskRunner``.
"""

from __future__ import annotations

from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.export.counselor import preview_images, warm_up, write_counselor_pdf
from rebuild_desktop.export.document import section_title
from rebuild_desktop.export.report_model import ReportOptions, sections_for
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.partners import PartnerRepository

__all__ = [
    "ReportOptions",
    "partner_names",
    "preview_images",
    "section_title",
    "sections_for",
    "warm_up",
    "write_counselor_pdf",
]


def partner_names(vault: Vault) -> dict[PartnerId, str]:
    """Each partner's name as the vault holds it ("Partner A" when unnamed)."""
    return {p.id: p.name.strip() or f"Partner {p.id.value.upper()}"
            for p in PartnerRepository(vault.db).all()}

"""A few months of believable gratitude, agreements and pacing for screenshots."""

from __future__ import annotations

import datetime as dt

from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.values import AgreementStatus, Comfort, PartnerId
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.gratitude import GratitudeService
from rebuild_desktop.services.pacing import PacingService
from rebuild_desktop.services.vault import Vault

A, B = PartnerId.A, PartnerId.B

_GRATITUDE = (
    (70, B, "You sat with me on the stairs and didn't rush me. That mattered.", "patience"),
    (58, A, "Thank you for answering my questions again without sighing.", "honesty"),
    (45, B, "The walk by the river on Sunday. I felt like us again for an hour.",
     "time together"),
    (31, A, "You told me about the message before I had to ask.", "honesty"),
    (20, B, "You made soup when I was tired and left a note on the pot.", "care"),
    (9, A, "You kept your phone face up on the table all evening without being asked.",
     "effort"),
    (3, B, "Thank you for laughing at my terrible joke about the cat.", "kindness"),
    (1, A, "You booked the counselling session and reminded me gently.", None),
)

_AGREEMENTS = (
    (80, "We tell each other when plans change, as soon as we know.", A, (True, True),
     AgreementStatus.ACTIVE, -2),
    (60, "No contact with the third person, in any form.", A, (True, True),
     AgreementStatus.ACTIVE, 120),
    (40, "Phones stay out of the bedroom after ten.", B, (True, True),
     AgreementStatus.REVISIT, None),
    (5, "We each take one evening a week just for ourselves, without explaining.", B,
     (None, True), AgreementStatus.ACTIVE, None),
)


def fill(vault: Vault, today: dt.date | None = None) -> None:
    """Write the sample records into an open couple vault (Alex hurt, Sam)."""
    today = today or dt.date.today()
    gratitude = GratitudeService(vault.db)
    for days, sender, text, category in _GRATITUDE:
        entry = gratitude.write(sender, text, date=(today - dt.timedelta(days)).isoformat(),
                                category=category)
        if days > 15:
            gratitude.acknowledge(entry.id, "I noticed too. Thank you." if days > 50 else None)
    agreements = AgreementService(vault.db)
    for days, text, by, (yes_a, yes_b), status, review in _AGREEMENTS:
        agreement = agreements.write(text, by=by, date=(today - dt.timedelta(days)).isoformat(),
                                     review_on=(today + dt.timedelta(review)).isoformat()
                                     if review else None)
        for partner, yes in ((A, yes_a), (B, yes_b)):
            if yes and agreement.consent.get(partner) is not True:
                agreements.set_consent(agreement.id, partner, True)
        agreements.set_status(agreement.id, status)
    pacing = PacingService(vault.db)
    steps = [s.id for s in default_pacing_steps()]
    marks = (
        (steps[0], Comfort.COMFORTABLE, Comfort.COMFORTABLE),
        (steps[1], Comfort.COMFORTABLE, Comfort.COMFORTABLE),
        (steps[2], Comfort.COMFORTABLE, Comfort.OPEN),
        (steps[3], Comfort.OPEN, Comfort.OPEN),
        (steps[4], Comfort.NOT_YET, Comfort.NOT_YET),
    )
    for step_id, mark_a, mark_b in marks:
        pacing.mark(A, step_id, mark_a)
        pacing.mark(B, step_id, mark_b)
    pacing.ask(B, steps[3])

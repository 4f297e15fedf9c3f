"""Models of the awards app: the catalogue (``catalogue``) and the dossier workflow (``dossiers``)."""

from awards.models.catalogue import RECIPIENT_BONUS, RECIPIENT_FLAG, AwardType, BaseSalary, LegalDocument
from awards.models.dossiers import (
    AgendaItem,
    Attachment,
    CouncilSession,
    Dossier,
    DossierRevision,
    DossierTransition,
    Holiday,
    Nomination,
    ProcessingTimeLimit,
    Vote,
)

__all__ = [
    "RECIPIENT_BONUS",
    "RECIPIENT_FLAG",
    "AgendaItem",
    "Attachment",
    "AwardType",
    "BaseSalary",
    "CouncilSession",
    "Dossier",
    "DossierRevision",
    "DossierTransition",
    "Holiday",
    "LegalDocument",
    "Nomination",
    "ProcessingTimeLimit",
    "Vote",
]

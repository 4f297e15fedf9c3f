"""Every model of the awards app, one module per package: ``catalogue`` (award types, legal documents, lương
cơ sở, holidays and time limits), ``record`` (yearly facts, eligibility rules and results), ``dossiers``,
``council``, ``decisions`` (decisions, signers, number series, the Award record), ``bodies`` (the bodies that
issue decisions: the province and every unit deciding its own titles), ``documents`` (rendered decision
documents, calibrations of pre-printed blanks), ``wording`` (the effective-dated wording of decisions),
``reports`` (dashboard PDFs) and ``notices`` (the notification centre, reminders sent). Code imports the models from
here."""

from awards.models.bodies import IssuingBody, province_body
from awards.models.catalogue import (
    RECIPIENT_BONUS,
    RECIPIENT_FLAG,
    AwardType,
    BaseSalary,
    DecidingPower,
    Holiday,
    LegalDocument,
    ProcessingTimeLimit,
)
from awards.models.council import (
    MINUTES_SYMBOL,
    AgendaItem,
    CouncilMinutesSequence,
    CouncilSession,
    UnitCouncilVote,
    UnitVoteLine,
    Vote,
)
from awards.models.decisions import (
    Award,
    AwardSource,
    Decision,
    DecisionLine,
    DecisionState,
    NumberSequence,
    Rounding,
    Signer,
    SignerCapacity,
)
from awards.models.documents import (
    BlankCalibration,
    CertificateKind,
    DecisionDocument,
    DocumentKind,
    DocumentStatus,
    PaperSize,
)
from awards.models.dossiers import (
    Attachment,
    AttachmentAccess,
    Dossier,
    DossierRevision,
    DossierTransition,
    ImportJob,
    ImportJobStatus,
    Nomination,
)
from awards.models.notices import EmailMode, EmailStatus, Notice, NoticeKind, NoticePreference, SentReminder
from awards.models.outbox import DeferredStatus, DeferredTask
from awards.models.record import (
    CollectiveFigures,
    EligibilityRule,
    HoldPeriod,
    Initiative,
    NominationEligibility,
    YearlyRating,
)
from awards.models.reports import DashboardReport, StatisticsFigure, StatisticsForm
from awards.models.wording import PLACEHOLDERS, DocumentWording, WordingKind

__all__ = [
    "MINUTES_SYMBOL",
    "PLACEHOLDERS",
    "RECIPIENT_BONUS",
    "RECIPIENT_FLAG",
    "AgendaItem",
    "Attachment",
    "AttachmentAccess",
    "Award",
    "AwardSource",
    "AwardType",
    "BaseSalary",
    "BlankCalibration",
    "CertificateKind",
    "CollectiveFigures",
    "CouncilMinutesSequence",
    "CouncilSession",
    "DashboardReport",
    "DecidingPower",
    "Decision",
    "DecisionDocument",
    "DecisionLine",
    "DecisionState",
    "DeferredStatus",
    "DeferredTask",
    "DocumentKind",
    "DocumentStatus",
    "DocumentWording",
    "Dossier",
    "DossierRevision",
    "DossierTransition",
    "EligibilityRule",
    "EmailMode",
    "EmailStatus",
    "HoldPeriod",
    "Holiday",
    "ImportJob",
    "ImportJobStatus",
    "Initiative",
    "IssuingBody",
    "LegalDocument",
    "Nomination",
    "NominationEligibility",
    "Notice",
    "NoticeKind",
    "NoticePreference",
    "NumberSequence",
    "PaperSize",
    "ProcessingTimeLimit",
    "Rounding",
    "SentReminder",
    "Signer",
    "SignerCapacity",
    "StatisticsFigure",
    "StatisticsForm",
    "UnitCouncilVote",
    "UnitVoteLine",
    "Vote",
    "WordingKind",
    "YearlyRating",
    "province_body",
]

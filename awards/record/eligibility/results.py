"""What an evaluation answers: each criterion met / unmet / unknown with its evidence (``CriterionResult``), and the
verdict on a subject for one award with the rule it applied (``Result``, stored as JSON on a nomination)."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy

from awards.models.record import Severity

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"
ELIGIBLE, NOT_ELIGIBLE, NEEDS_JUDGEMENT = "eligible", "not_eligible", "needs_judgement"
VERDICT_LABELS = {
    ELIGIBLE: gettext_lazy("Đủ điều kiện"),
    NOT_ELIGIBLE: gettext_lazy("Chưa đủ điều kiện"),
    NEEDS_JUDGEMENT: gettext_lazy("Cần cán bộ xem xét"),
}
STATUS_LABELS = {MET: gettext_lazy("Đạt"), UNMET: gettext_lazy("Chưa đạt"), UNKNOWN: gettext_lazy("Cần xem xét")}
_NO_GROUNDS = {"no_hold", "judgement"}


@dataclass(slots=True)
class CriterionResult:
    code: str
    label: str
    kind: str
    severity: str
    status: str
    evidence: list[str] = field(default_factory=list)
    detail: str = ""
    initiative_ids: list[int] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def blocks(self) -> bool:
        return self.status == UNMET and self.severity == Severity.HARD


@dataclass
class Result:
    subject_kind: str
    subject_id: int
    award_code: str
    year: int
    on: datetime.date
    rule_code: str
    citation: str
    verdict: str
    criteria: list[CriterionResult]

    @property
    def hard_unmet(self) -> list[CriterionResult]:
        return [c for c in self.criteria if c.blocks]

    @property
    def soft_unmet(self) -> list[CriterionResult]:
        return [c for c in self.criteria if c.status == UNMET and c.severity != Severity.HARD]

    @property
    def failing_codes(self) -> list[str]:
        return [c.code for c in self.criteria if c.status == UNMET]

    @property
    def verdict_label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])

    @property
    def is_candidate(self) -> bool:
        """Nothing unmet, and the record itself shows grounds (a criterion other than "no hold" and the
        judgement ones is met): a subject with no data at all is not proposed."""
        return self.verdict != NOT_ELIGIBLE and any(
            c.status == MET and c.kind not in _NO_GROUNDS for c in self.criteria)

    @property
    def initiative_ids(self) -> list[int]:
        return sorted({pk for c in self.criteria if c.status == MET for pk in c.initiative_ids})

    def to_json(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Result:
        data = dict(data)
        data["on"] = datetime.date.fromisoformat(data["on"])
        data["criteria"] = [CriterionResult(**c) for c in data["criteria"]]
        return cls(**data)

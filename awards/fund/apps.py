"""The fund listens to decisions: a Django app without models (its models live in ``awards.models.fund``) whose
``ready`` connects the receivers. Decisions never import the fund; they announce (``decisions.signals``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "awards.fund"
    label = "fund"
    verbose_name = _("Quỹ thi đua, khen thưởng")

    def ready(self) -> None:
        from awards.decisions import signals
        from awards.fund import commitments

        signals.took_effect.connect(commitments.on_took_effect, dispatch_uid="fund-commit")
        signals.revoked.connect(commitments.on_revoked, dispatch_uid="fund-reverse")

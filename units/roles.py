"""Role groups and the model permissions each role holds in the admin.

Board staff maintain reference data (units, clusters, persons, the award catalogue, campaigns) in the
admin; administrators are superusers. Other roles work only through the application's own pages.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from units.models import Role

# app_label -> model names whose add/change/view (and delete where listed) staff may use.
STAFF_MODELS = {
    "units": ["unit", "unitalias", "person", "household", "emulationcluster", "clustermembership", "clusteryear",
              "clustercriterion", "clusterscore", "clusteryeartransition", "personaldataread"],
    "awards": [
        "legaldocument", "awardtype", "basesalary", "holiday", "processingtimelimit", "dossier", "nomination",
        "attachment", "dossiertransition", "dossierrevision", "councilsession", "agendaitem", "vote", "signer",
        "numbersequence", "councilminutessequence", "decision", "decisionline", "decisiondocument", "award",
        "dashboardreport", "attachmentaccess", "yearlyrating", "initiative", "holdperiod", "collectivefigures",
        "eligibilityrule", "nominationeligibility", "issuingbody", "decidingpower", "blankcalibration",
        "unitcouncilvote", "unitvoteline", "statisticsfigure", "importjob", "documentwording", "deferredtask",
        "bodysigning", "signingcertificate", "decisionsignature", "issuance", "verificationcode", "signingsession",
        "fundrule", "fund", "fundline", "fundentry", "paymentvoucher",
        "consultation", "opinion", "counciloverride", "apiclient", "apicall", "idempotentwrite", "exchangemessage",
        "confidentialdossier",
        "notice", "noticepreference", "sentreminder",
    ],
    # Reset a lost second factor (delete the devices). Login locks are lifted at /accounts/login-locks/.
    "otp_totp": ["totpdevice"],
    "otp_static": ["staticdevice"],
    "campaigns": ["campaign", "contentgroup", "target", "registration", "campaigntransition", "campaignaudience",
                  "campaigndocument", "targetreport"],
}
STAFF_MAY_DELETE = {"unitalias", "clustermembership", "contentgroup", "target", "registration", "holiday",
                    "blankcalibration", "totpdevice", "staticdevice"}


def staff_permissions() -> list[Permission]:
    wanted = []
    for app_label, models in STAFF_MODELS.items():
        for model in models:
            actions = ["view", "add", "change"] + (["delete"] if model in STAFF_MAY_DELETE else [])
            wanted += [(app_label, f"{action}_{model}") for action in actions]
    perms = Permission.objects.filter(content_type__app_label__in=STAFF_MODELS).select_related("content_type")
    by_key = {(p.content_type.app_label, p.codename): p for p in perms}
    return [by_key[key] for key in wanted if key in by_key]


def sync_role_groups(sender=None, **kwargs) -> None:
    """Create one group per role and give board staff their admin permissions (idempotent)."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    staff = Group.objects.get(name=Role.BOARD_STAFF)
    staff.permissions.set(staff_permissions())

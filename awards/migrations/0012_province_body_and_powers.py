"""Data for deciding bodies (issue 13).

* The province's own body (Chủ tịch UBND tỉnh), on the province unit of the tree (the root unit of kind "tinh")
  when there is one; a new installation has no unit yet, and gets none made here.
* Every existing decision, signer and number series is pointed at it; every award written by a decision gets
  the decision's body.
* The deciding powers (``_bodies_data.DECIDING_POWERS``) and the Giấy khen of the Chủ tịch UBND cấp xã.

Idempotent: a second run finds every row it would create.
"""

import unicodedata

from django.conf import settings
from django.db import migrations

from awards.migrations._bodies_data import (
    DECIDING_POWERS,
    GIAY_KHEN_NOTE,
    GIAY_KHEN_XA_TYPES,
    province_body,
)


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def province_unit(apps, db):
    """The root unit of kind "tinh" of an existing tree; None on a new installation, whose tree is still empty
    (the body is attached when the province's unit is created, e.g. by the demo's seed)."""
    Unit = apps.get_model("units", "Unit")
    return Unit.objects.using(db).filter(kind="tinh", parent__isnull=True).order_by("sort_order", "pk").first()


def forward(apps, schema_editor):
    db = schema_editor.connection.alias
    IssuingBody = apps.get_model("awards", "IssuingBody")
    province = nfc(settings.PROVINCE_NAME)
    body = IssuingBody.objects.using(db).filter(kind="tinh").order_by("valid_from", "pk").first()
    if body is None:
        values = {key: nfc(value) for key, value in province_body(province).items()}
        body = IssuingBody.objects.using(db).create(unit=province_unit(apps, db), **values)

    for model in ("Decision", "Signer", "NumberSequence"):
        apps.get_model("awards", model).objects.using(db).filter(body__isnull=True).update(body=body)
    Award = apps.get_model("awards", "Award")
    Decision = apps.get_model("awards", "Decision")
    for decision_id, body_id in Decision.objects.using(db).values_list("pk", "body_id"):
        Award.objects.using(db).filter(decision_id=decision_id, body__isnull=True).update(body_id=body_id)

    DecidingPower = apps.get_model("awards", "DecidingPower")
    for row in DECIDING_POWERS:
        data = {key: nfc(value) for key, value in row.items()}
        DecidingPower.objects.using(db).update_or_create(
            award_code=data.pop("award_code"), body_kind=data.pop("body_kind"), valid_from=data.pop("valid_from"),
            defaults=data)

    AwardType = apps.get_model("awards", "AwardType")
    for row in GIAY_KHEN_XA_TYPES:
        data = {key: nfc(value) for key, value in row.items()}
        AwardType.objects.using(db).update_or_create(code=data.pop("code"), valid_from=data.pop("valid_from"),
                                                     defaults=data)
    AwardType.objects.using(db).filter(code="giay-khen").update(note=nfc(GIAY_KHEN_NOTE))


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0011_issuing_bodies"),
        ("units", "0005_cluster_year_history"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

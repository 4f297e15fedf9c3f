"""What the API reads and writes. Persons carry no citizen ID unless the client has the ``citizen_id`` scope;
decisions are published ones only; a write names its fields exactly (an unknown field is a 400)."""

from __future__ import annotations

from rest_framework import pagination, serializers

from awards.enums import Authority, OccasionType, RecipientKind
from awards.models import ApiClient, ApiScope, Attachment, Award, Decision, Dossier, Nomination
from units.models import Gender, Person, Unit


class Pagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class Strict(serializers.Serializer):
    """Refuses fields it does not know (a typo is not silently dropped)."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Trường không có trong lược đồ."] for name in unknown})
        return super().to_internal_value(data)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "parent", "valid_from", "valid_to"]


class PersonSerializer(serializers.ModelSerializer):
    citizen_id = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["id", "full_name", "gender", "birth_date", "position", "unit", "category", "citizen_id"]

    def get_citizen_id(self, person: Person) -> str | None:
        client = self.context["request"].auth
        if isinstance(client, ApiClient) and ApiScope.CITIZEN_ID in client.scope_set:
            return person.citizen_id or None
        return None


class AwardSerializer(serializers.ModelSerializer):
    award_name = serializers.CharField(source="award_type.name", read_only=True)

    class Meta:
        model = Award
        fields = ["id", "award_code", "award_name", "recipient_kind", "recipient_name", "unit", "person",
                  "household", "proposing_unit", "year", "achievement_year", "decision", "decision_number",
                  "decided_on", "issuer", "authority", "revoked"]


class DecisionSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)
    award_code = serializers.CharField(source="award_type.code", read_only=True)
    award_name = serializers.CharField(source="award_type.name", read_only=True)
    public_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField(help_text="Tệp quyết định đã phát hành (PDF đã ký số, hoặc bản quét "
                                                          "bản giấy); null khi chưa có tệp.")

    class Meta:
        model = Decision
        fields = ["id", "code", "number", "symbol", "decided_on", "subject", "award_code", "award_name",
                  "achievement_year", "authority", "public_url", "pdf_url"]

    def get_public_url(self, decision: Decision) -> str:
        return f"/public/decisions/{decision.pk}/"

    def get_pdf_url(self, decision: Decision) -> str | None:
        return f"/api/v1/decisions/{decision.pk}/pdf/" if hasattr(decision, "issuance") else None


class NominationSerializer(serializers.ModelSerializer):
    award_code = serializers.CharField(source="award_type.code", read_only=True)

    class Meta:
        model = Nomination
        fields = ["id", "recipient_kind", "recipient_name", "unit", "collective_name", "person", "household",
                  "award_code", "achievement", "period", "verdict", "council_result"]


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "kind", "nomination", "original_name", "content_type", "size", "sha256", "vote_result",
                  "note", "uploaded_at", "url"]

    def get_url(self, attachment: Attachment) -> str:
        return f"/api/v1/dossiers/{attachment.dossier.reference}/attachments/{attachment.pk}/"


class DossierSerializer(serializers.ModelSerializer):
    nominations = NominationSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Dossier
        fields = ["id", "reference", "unit", "title", "occasion", "year", "authority", "state", "version",
                  "submission_number", "submission_date", "submitted_at", "nominations", "attachments"]


class NominationWriteSerializer(Strict):
    recipient_kind = serializers.ChoiceField(choices=RecipientKind.choices)
    award_code = serializers.SlugField(max_length=80)
    unit = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    collective_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    person = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    new_person_name = serializers.CharField(required=False, allow_blank=True, max_length=150)
    new_person_gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    new_person_birth_date = serializers.DateField(required=False)
    new_person_position = serializers.CharField(required=False, allow_blank=True, max_length=255)
    achievement = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    period = serializers.CharField(required=False, allow_blank=True, max_length=100)


class DossierWriteSerializer(Strict):
    title = serializers.CharField(max_length=500)
    occasion = serializers.ChoiceField(choices=[c for c in OccasionType.choices if c[0] != OccasionType.CAMPAIGN])
    year = serializers.IntegerField(min_value=1945, max_value=2100)
    authority = serializers.ChoiceField(choices=[Authority.PROVINCE_CHAIR.value, Authority.PRIME_MINISTER.value,
                                                 Authority.PRESIDENT.value], default=Authority.PROVINCE_CHAIR.value)
    submission_number = serializers.CharField(required=False, allow_blank=True, max_length=60)
    submission_date = serializers.DateField(required=False, allow_null=True)
    nominations = NominationWriteSerializer(many=True, max_length=500)


class CbccvcRowSerializer(serializers.Serializer):
    person_id = serializers.IntegerField()
    full_name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    gender = serializers.CharField()
    citizen_id = serializers.CharField(allow_null=True)
    position = serializers.CharField()
    unit = serializers.CharField()
    award = serializers.CharField()
    award_code = serializers.CharField()
    decision_number = serializers.CharField()
    decided_on = serializers.DateField()
    issuer = serializers.CharField()
    achievement_year = serializers.IntegerField()

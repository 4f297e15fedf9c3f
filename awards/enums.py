"""Fixed vocabularies of the award domain (Luật Thi đua, khen thưởng 2022; TT 02/2023/TT-BNV)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardFamily(models.TextChoices):
    EMULATION_TITLE = "danh_hieu_thi_dua", _("Danh hiệu thi đua")
    ORDER = "huan_chuong", _("Huân chương")
    MEDAL = "huy_chuong", _("Huy chương")
    HONORARY_TITLE = "vinh_du_nha_nuoc", _("Danh hiệu vinh dự Nhà nước")
    PRIZE = "giai_thuong", _("Giải thưởng")
    COMMEMORATIVE = "ky_niem_chuong", _("Kỷ niệm chương")
    CERTIFICATE_OF_MERIT = "bang_khen", _("Bằng khen")
    COMMENDATION = "giay_khen", _("Giấy khen")


class Authority(models.TextChoices):
    """Who decides an award (thẩm quyền quyết định)."""

    PRESIDENT = "chu_tich_nuoc", _("Chủ tịch nước")
    PRIME_MINISTER = "thu_tuong", _("Thủ tướng Chính phủ")
    MINISTRY = "bo_nganh", _("Bộ, ban, ngành, cơ quan Trung ương")
    PROVINCE_CHAIR = "chu_tich_ubnd_tinh", _("Chủ tịch Ủy ban nhân dân tỉnh")
    DISTRICT_CHAIR = "chu_tich_ubnd_huyen", _("Chủ tịch Ủy ban nhân dân cấp huyện")
    COMMUNE_CHAIR = "chu_tich_ubnd_xa", _("Chủ tịch Ủy ban nhân dân cấp xã")
    UNIT_HEAD = "thu_truong_don_vi", _("Thủ trưởng cơ quan, đơn vị, doanh nghiệp")


class AuthorityLevel(models.TextChoices):
    """How conference reports group awards."""

    STATE = "nha_nuoc", _("Khen thưởng cấp Nhà nước")
    GOVERNMENT = "chinh_phu", _("Khen thưởng của Chính phủ, Thủ tướng Chính phủ")
    MINISTRY = "bo_nganh", _("Khen thưởng cấp bộ, ngành Trung ương")
    PROVINCE = "tinh", _("Khen thưởng cấp tỉnh")
    BASE = "co_so", _("Khen thưởng cấp cơ sở")


AUTHORITY_LEVEL = {
    Authority.PRESIDENT: AuthorityLevel.STATE,
    Authority.PRIME_MINISTER: AuthorityLevel.GOVERNMENT,
    Authority.MINISTRY: AuthorityLevel.MINISTRY,
    Authority.PROVINCE_CHAIR: AuthorityLevel.PROVINCE,
    Authority.DISTRICT_CHAIR: AuthorityLevel.BASE,
    Authority.COMMUNE_CHAIR: AuthorityLevel.BASE,
    Authority.UNIT_HEAD: AuthorityLevel.BASE,
}

# Awards the province proposes upward rather than decides (the dossier is forwarded).
DECIDED_ABOVE_PROVINCE = {Authority.PRESIDENT, Authority.PRIME_MINISTER, Authority.MINISTRY}


class BodyKind(models.TextChoices):
    """What kind of body issues a decision (cơ quan ban hành); it fixes the authority its head exercises."""

    PROVINCE = "tinh", _("Tỉnh (Chủ tịch UBND tỉnh)")
    DEPARTMENT = "so_ban_nganh", _("Sở, ban, ngành")
    DISTRICT = "huyen", _("Huyện, thành phố (đến 30/6/2025)")
    COMMUNE = "xa_phuong", _("Xã, phường")
    PUBLIC_SERVICE = "su_nghiep", _("Đơn vị sự nghiệp")
    ENTERPRISE = "doanh_nghiep", _("Doanh nghiệp")


# Luật Thi đua, khen thưởng 2022 Điều 79-80: the head of each kind of body decides in his own name.
BODY_AUTHORITY = {
    BodyKind.PROVINCE: Authority.PROVINCE_CHAIR,
    BodyKind.DEPARTMENT: Authority.UNIT_HEAD,
    BodyKind.DISTRICT: Authority.DISTRICT_CHAIR,
    BodyKind.COMMUNE: Authority.COMMUNE_CHAIR,
    BodyKind.PUBLIC_SERVICE: Authority.UNIT_HEAD,
    BodyKind.ENTERPRISE: Authority.UNIT_HEAD,
}


class RecipientKind(models.TextChoices):
    COLLECTIVE = "tap_the", _("Tập thể")
    INDIVIDUAL = "ca_nhan", _("Cá nhân")
    HOUSEHOLD = "ho_gia_dinh", _("Hộ gia đình")


class OccasionType(models.TextChoices):
    """Loại hình khen thưởng (Luật 2022 Điều 8), plus kháng chiến kept apart in statistics."""

    MERIT = "cong_trang", _("Công trạng, thường xuyên")
    CAMPAIGN = "chuyen_de", _("Chuyên đề, theo đợt")
    AD_HOC = "dot_xuat", _("Đột xuất")
    SERVICE = "cong_hien", _("Quá trình cống hiến")
    SENIORITY = "nien_han", _("Niên hạn")
    FOREIGN = "doi_ngoai", _("Đối ngoại")
    RESISTANCE = "khang_chien", _("Kháng chiến")


# NĐ 152/2025 Điều 4: these never count toward công trạng ladders.
NON_LADDER_OCCASIONS = {OccasionType.CAMPAIGN, OccasionType.AD_HOC}


class LegalDocumentKind(models.TextChoices):
    LAW = "luat", _("Luật")
    DECREE = "nghi_dinh", _("Nghị định")
    CIRCULAR = "thong_tu", _("Thông tư")
    DECISION = "quyet_dinh", _("Quyết định")
    OTHER = "khac", _("Văn bản khác")


class DossierState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã nộp, chờ tiếp nhận")
    RECEIVED = "received", _("Đã tiếp nhận, đang thẩm định")
    RETURNED = "returned", _("Đã trả lại đơn vị")
    REVIEWED = "reviewed", _("Đã thẩm định")
    IN_COUNCIL = "in_council", _("Đang trình Hội đồng")
    AWAITING_DECISION = "awaiting_decision", _("Chờ quyết định")
    FORWARDED = "forwarded", _("Đã trình cấp trên")
    DECIDED = "decided", _("Đã có quyết định")
    WITHDRAWN = "withdrawn", _("Đơn vị đã rút")


# What a unit officer reads: plain language about what happens next.
OFFICER_STATE_LABELS = {
    DossierState.DRAFT: _("Đang soạn, chưa gửi"),
    DossierState.SUBMITTED: _("Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận"),
    DossierState.RECEIVED: _("Ban Thi đua - Khen thưởng đang thẩm định"),
    DossierState.RETURNED: _("Bị trả lại: cần sửa và gửi lại"),
    DossierState.REVIEWED: _("Đã thẩm định xong, chờ trình"),
    DossierState.IN_COUNCIL: _("Đang được Hội đồng Thi đua - Khen thưởng tỉnh xét"),
    DossierState.AWAITING_DECISION: _("Đã xét xong, chờ quyết định khen thưởng"),
    DossierState.FORWARDED: _("Tỉnh đã trình cấp trên, chờ quyết định"),
    DossierState.DECIDED: _("Đã có quyết định khen thưởng"),
    DossierState.WITHDRAWN: _("Đơn vị đã rút hồ sơ"),
}

# The same, for a unit's own round: the dossier goes to the head of a unit (the body's officers), not the Board.
ROUND_OFFICER_STATE_LABELS = {
    **OFFICER_STATE_LABELS,
    DossierState.SUBMITTED: _("Đã gửi cơ quan quyết định, chờ tiếp nhận"),
    DossierState.RECEIVED: _("Đơn vị quyết định đang xét"),
    DossierState.REVIEWED: _("Đã xét xong, chờ Hội đồng Thi đua - Khen thưởng của đơn vị"),
    DossierState.IN_COUNCIL: _("Đang được Hội đồng Thi đua - Khen thưởng của đơn vị xét"),
    DossierState.AWAITING_DECISION: _("Đã xét xong, chờ quyết định của thủ trưởng đơn vị"),
}

LIVE_STATES = [s for s in DossierState if s != DossierState.WITHDRAWN]


class Verdict(models.TextChoices):
    PENDING = "pending", _("Chưa thẩm định")
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    INELIGIBLE = "ineligible", _("Không đủ điều kiện")


class CouncilResult(models.TextChoices):
    NONE = "", _("Không cần bỏ phiếu")
    PASSED = "passed", _("Đạt tỷ lệ phiếu")
    FAILED = "failed", _("Không đạt tỷ lệ phiếu")


class CentralOutcome(models.TextChoices):
    PENDING = "", _("Chưa có kết quả")
    AWARDED = "awarded", _("Được khen thưởng")
    REFUSED = "refused", _("Không được khen thưởng")


class AttachmentKind(models.TextChoices):
    SUBMISSION = "to_trinh", _("Tờ trình")
    ACHIEVEMENT_REPORT = "bao_cao", _("Báo cáo thành tích")
    REVIEW_MINUTES = "bien_ban", _("Biên bản bình xét (kèm kết quả bỏ phiếu)")
    INITIATIVE = "sang_kien", _("Chứng nhận sáng kiến, đề tài")
    CONSULTATION = "hiep_y", _("Văn bản hiệp y")
    OTHER = "khac", _("Tài liệu khác")


class VoteChoice(models.TextChoices):
    YES = "yes", _("Đồng ý")
    NO = "no", _("Không đồng ý")


class SessionStatus(models.TextChoices):
    OPEN = "open", _("Đang họp, nhận phiếu")
    CLOSED = "closed", _("Đã kết thúc")

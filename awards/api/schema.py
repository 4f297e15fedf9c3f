"""The OpenAPI schema's shared parts: the bearer key, and the error answers every operation may give."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERRORS = {
    "400": "Dữ liệu không hợp lệ",
    "401": "Thiếu hoặc sai khóa API",
    "403": "Khóa API không có phạm vi này",
    "404": "Không tìm thấy (hoặc ngoài phạm vi đơn vị)",
    "409": "Hồ sơ đã thay đổi",
    "415": "Kiểu nội dung không nhận (JSON; tệp đính kèm: multipart/form-data)",
    "422": "Idempotency-Key đã dùng cho yêu cầu khác",
    "429": "Gọi quá nhiều",
}


class ClientKeyScheme(OpenApiAuthenticationExtension):
    target_class = "awards.api.auth.ClientKeyAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}


def add_errors(result, generator, request, public):
    """Every operation documents its 4xx answers: a JSON object (``detail`` or field errors)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = {"type": "object", "additionalProperties": True,
                        "properties": {"detail": {"type": "string"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code, text in ERRORS.items():
                responses.setdefault(code, {"description": text, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
    return result


def only_v1(endpoints):
    """The schema describes ``/api/v1/`` only (not the schema and docs pages themselves)."""
    return [e for e in endpoints if e[0].startswith("/api/v1/")]

"""Who calls the API: client systems with one key each (``Authorization: Bearer <key>``), stored as a SHA-256 hash;
what each may do (scopes ``read``, ``write``, ``citizen_id``; a unit and the units below it); a rate per client;
errors as JSON bodies, never a 500 page; every call logged."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions, permissions, throttling
from rest_framework.authentication import BaseAuthentication

from awards.models import ApiCall, ApiClient, ApiScope
from units.models import Person, Role, Unit, User
from units.selectors import subtree_ids

KEY_PREFIX = "tdkt_"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_client(name: str, scopes: list[str], unit: Unit | None = None) -> tuple[ApiClient, str]:
    """A new client system and its key, returned once (only its hash is kept). A client that writes acts through
    its own account, an officer of its unit, so every rule of the pages applies to it."""
    unknown = set(scopes) - set(ApiScope.values)
    if unknown:
        raise ValueError(_("Phạm vi không có: %(s)s.") % {"s": ", ".join(sorted(unknown))})
    if ApiScope.WRITE in scopes and unit is None:
        raise ValueError(_("Hệ thống được lập hồ sơ phải gắn với một đơn vị (--unit)."))
    if ApiScope.CENTRAL in scopes and unit is not None:
        raise ValueError(_("Hệ thống gửi quyết định của cấp trên làm việc cho cả tỉnh: không gắn với đơn vị."))
    prefix = secrets.token_hex(4)
    key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    user = User.objects.create(username=f"api-{prefix}", full_name=f"Hệ thống {name}"[:150], unit=unit)
    user.set_unusable_password()
    user.save()
    if ApiScope.WRITE in scopes:
        user.groups.add(Group.objects.get(name=Role.UNIT_OFFICER))
    if ApiScope.CENTRAL in scopes:  # records the central decision as the Board's staff do on the dossier's page
        user.groups.add(Group.objects.get(name=Role.BOARD_STAFF))
    client = ApiClient.objects.create(name=name, key_prefix=prefix, key_hash=hash_key(key), scopes=",".join(scopes),
                                      unit=unit, user=user)
    return client, key


class ClientKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _sep, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.startswith(KEY_PREFIX):
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ."))
        prefix = key[len(KEY_PREFIX):].partition("_")[0]
        client = ApiClient.objects.select_related("user", "unit").filter(key_prefix=prefix, active=True).first()
        if client is None or not hmac.compare_digest(client.key_hash, hash_key(key.strip())):
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ."))
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        return client.user, client

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class HasScope(permissions.BasePermission):
    """Reading needs ``read``; writing needs ``write`` and a unit; a view may name its own write scope
    (``write_scope``: ``central`` for the decisions of central bodies)."""

    def has_permission(self, request, view) -> bool:
        client = request.auth
        if not isinstance(client, ApiClient):
            raise exceptions.NotAuthenticated(_("Cần gửi khóa API: Authorization: Bearer <khóa>."))
        if request.method in READ_METHODS:
            if ApiScope.READ not in client.scope_set:
                raise exceptions.PermissionDenied(_("Khóa API này không được đọc dữ liệu."))
            return True
        if getattr(view, "write_scope", ApiScope.WRITE) == ApiScope.CENTRAL:
            if ApiScope.CENTRAL not in client.scope_set:
                raise exceptions.PermissionDenied(_("Khóa API này không được gửi quyết định của cấp trên."))
            return True
        if ApiScope.WRITE not in client.scope_set or client.unit_id is None:
            raise exceptions.PermissionDenied(_("Khóa API này không được lập, gửi hồ sơ."))
        return True


def unit_ids(client: ApiClient) -> list[int] | None:
    """The units a client reads: its unit and those below it; ``None`` for the whole province."""
    return None if client.unit_id is None else subtree_ids(client.unit_id)


def in_scope(queryset: QuerySet, client: ApiClient | None, *fields: str) -> QuerySet:
    if not isinstance(client, ApiClient):  # the schema generator's fake request
        return queryset.none()
    ids = unit_ids(client)
    if ids is None:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__in": ids})
    return queryset.filter(condition).distinct() if len(fields) > 1 else queryset.filter(condition)


def awards_in_scope(queryset: QuerySet, client: ApiClient | None) -> QuerySet:
    """Awards to the client's units, to their people, or proposed by them. The people are a subquery, not a join:
    with an OR over three columns a join made PostgreSQL read the whole table and de-duplicate it (317 ms for a
    unit's year at a million awards; 73 ms so)."""
    if not isinstance(client, ApiClient):
        return queryset.none()
    ids = unit_ids(client)
    if ids is None:
        return queryset
    return queryset.filter(Q(unit_id__in=ids) | Q(proposing_unit_id__in=ids)
                           | Q(person_id__in=Person.objects.filter(unit_id__in=ids).values("pk")))


class ClientThrottle(throttling.SimpleRateThrottle):
    """A rate per client system, counted in the shared cache."""

    scope = "client"

    def get_cache_key(self, request, view):
        client = request.auth
        ident = f"client-{client.pk}" if isinstance(client, ApiClient) else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class LoggedMixin:
    """Log every call: client, method, path, status, time."""

    def initial(self, request, *args, **kwargs):
        self._started = timezone.now()
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        started = getattr(self, "_started", None)
        client = request.auth if isinstance(getattr(request, "auth", None), ApiClient) else None
        elapsed = int((timezone.now() - started).total_seconds() * 1000) if started else 0
        ApiCall.objects.create(client=client, method=request.method[:8], path=request.get_full_path()[:300],
                               status=response.status_code, duration_ms=elapsed)
        return response

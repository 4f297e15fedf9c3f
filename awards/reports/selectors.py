"""Read-side figures from the award record (``Award`` rows written by published or recorded decisions):
the dashboard's groupings, the conference-style summary paragraph and drill-downs. Aggregation happens in
SQL; the number of queries does not depend on the number of awards."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connections, router
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.utils import timezone

from awards.enums import AUTHORITY_LEVEL, AuthorityLevel, BodyKind, OccasionType, RecipientKind
from awards.models import Award, AwardType, IssuingBody

LEVEL_ORDER = [AuthorityLevel.STATE, AuthorityLevel.GOVERNMENT, AuthorityLevel.MINISTRY, AuthorityLevel.PROVINCE,
               AuthorityLevel.BASE]
KIND_ORDER = [RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD]
CLASS_WORDS = {1: "Nhất", 2: "Nhì", 3: "Ba"}

# Whose figures: None for the whole province, a unit id for an officer's own unit (the pages), a list of unit ids
# for a unit and those below it (the API's keys).
Units = int | Sequence[int] | None


def for_units(queryset: QuerySet, field: str, unit_id: Units) -> QuerySet:
    """``queryset`` narrowed to the unit (or units) in ``field``; unchanged for the whole province."""
    if unit_id is None:
        return queryset
    if isinstance(unit_id, int):
        return queryset.filter(**{field: unit_id})
    return queryset.filter(**{f"{field}__in": list(unit_id)})


def awards_in(year: int, unit_id: Units = None) -> QuerySet[Award]:
    """Awards of a year that stand (revoked ones excluded); for a unit officer, their unit's proposals."""
    return for_units(Award.objects.filter(year=year, revoked=False), "proposing_unit_id", unit_id)


# Standing awards counted per (year, kind, occasion, award type, code, authority), kept exact by triggers on the
# award table (migration 0006, PostgreSQL only): province-wide figures are read from it, a few hundred rows a year.
SUMMARY_TABLE = "awards_award_summary"
GROUPABLE = {"year", "recipient_kind", "occasion", "award_type_id", "award_code", "authority"}
# The same per (year, authority, issuing body, recipient kind) (migration 0014): about bodies x kinds rows a year,
# read only when a figure is grouped by body. An award without a body is counted under body 0; a body's kind is
# read by a join, so an edit of the body is seen at once.
BODY_SUMMARY_TABLE = "awards_award_body_summary"
BODY_GROUPABLE = {"year", "recipient_kind", "authority", "body_id", "body_kind"}
SUMMARY_COLUMNS = {"body_id": "NULLIF(s.body_id, 0)", "body_kind": "b.kind"}
AWARD_COLUMNS = {"body_kind": "body__kind"}
# Levels of the dashboard: a unit's own decisions (cấp cơ sở) are a level of their own.
BASE_AUTHORITIES = tuple(str(a) for a, level in AUTHORITY_LEVEL.items() if level == AuthorityLevel.BASE)


NO_BODY = "none"  # the drill-down's value for awards without an issuing body (decided above, or from archives)



def bonus_total(year: int, unit_id: Units = None) -> int:
    """The bonuses of the year's standing awards (multiplier × lương cơ sở, as the decisions wrote them), in đồng."""
    return occasions_and_bonus(year, unit_id)[1]


def authorities_of(level: str) -> tuple[str, ...]:
    return tuple(str(a) for a, of in AUTHORITY_LEVEL.items() if of == level)


def standing_counts(group_by: list[str], after: int, upto: int, unit_id: Units = None,
                    authorities: tuple[str, ...] | None = None, bonus: bool = False) -> list[tuple]:
    """(*group_by values, count) of standing awards with ``after < year <= upto`` (and, when given, one of
    ``authorities``), in one query whatever the data size: from a summary table for the whole province on
    PostgreSQL (the one by body when grouped by ``body_id`` or ``body_kind``), otherwise aggregated in SQL from the
    award table (index-only scans on PostgreSQL). ``body_id`` is None for awards without an issuing body,
    ``body_kind`` the kind of the body (None without one). ``bonus``: each row ends with the sum of the bonuses
    too (``bonus_amount``, in đồng; migration 0031 keeps it in the summary table)."""
    by_body = bool({"body_id", "body_kind"} & set(group_by))
    assert set(group_by) <= (BODY_GROUPABLE if by_body else GROUPABLE), group_by
    assert not (bonus and by_body), "the summary by body holds no bonuses"
    connection = connections[router.db_for_read(Award)]
    if unit_id is None and connection.vendor == "postgresql":
        columns = ", ".join(SUMMARY_COLUMNS.get(column, f"s.{column}") for column in group_by)
        join = (f" LEFT JOIN {IssuingBody._meta.db_table} b ON b.id = s.body_id" if "body_kind" in group_by
                else "")
        params: list = [after, upto]
        where = ""
        if authorities is not None:
            where, params = " AND s.authority = ANY(%s)", [*params, list(authorities)]
        table = BODY_SUMMARY_TABLE if by_body else SUMMARY_TABLE
        sums = "SUM(s.n), SUM(s.bonus)" if bonus else "SUM(s.n)"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns}, {sums} FROM {table} s{join} "
                           f"WHERE s.year > %s AND s.year <= %s{where} GROUP BY {columns} HAVING SUM(s.n) > 0",
                           params)
            if bonus:
                return [(*row[:-2], int(row[-2]), int(row[-1])) for row in cursor.fetchall()]
            return [(*row[:-1], int(row[-1])) for row in cursor.fetchall()]
    awards = Award.objects.filter(revoked=False, year__gt=after, year__lte=upto)
    awards = for_units(awards, "proposing_unit_id", unit_id)
    if authorities is not None:
        awards = awards.filter(authority__in=authorities)
    fields = [AWARD_COLUMNS.get(column, column) for column in group_by]
    if bonus:
        return list(awards.values_list(*fields).annotate(n=Count("*"), bonus=Sum("bonus_amount", default=0))
                    .order_by())
    return list(awards.values_list(*fields).annotate(n=Count("*")).order_by())


def bodies_by_kind(after: int, upto: int, unit_id: Units = None,
                   authorities: tuple[str, ...] | None = None) -> dict[str | None, int]:
    """How many issuing bodies decided standing awards with ``after < year <= upto`` (and one of
    ``authorities``), per kind of body; awards without a body are not counted. One query, as ``standing_counts``
    (the summary by body on PostgreSQL for the whole province)."""
    connection = connections[router.db_for_read(Award)]
    if unit_id is None and connection.vendor == "postgresql":
        params: list = [after, upto]
        where = ""
        if authorities is not None:
            where, params = " AND s.authority = ANY(%s)", [*params, list(authorities)]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT b.kind, COUNT(DISTINCT s.body_id) FROM {BODY_SUMMARY_TABLE} s "
                           f"JOIN {IssuingBody._meta.db_table} b ON b.id = s.body_id "
                           f"WHERE s.year > %s AND s.year <= %s AND s.n > 0{where} GROUP BY b.kind", params)
            return dict(cursor.fetchall())
    awards = Award.objects.filter(revoked=False, year__gt=after, year__lte=upto, body__isnull=False)
    awards = for_units(awards, "proposing_unit_id", unit_id)
    if authorities is not None:
        awards = awards.filter(authority__in=authorities)
    return dict(awards.values_list("body__kind").annotate(n=Count("body_id", distinct=True)).order_by())


# Distinct years by skipping through the index (one probe per year) instead of reading every award: a loose
# index scan written as a recursive query; standard SQL, so it runs on SQLite too.
YEARS_SQL = """
WITH RECURSIVE found(year) AS (
    SELECT MAX(year) FROM {table} WHERE revoked = %s
    UNION ALL
    SELECT (SELECT MAX(a.year) FROM {table} a WHERE a.revoked = %s AND a.year < found.year)
    FROM found WHERE found.year IS NOT NULL
)
SELECT year FROM found WHERE year IS NOT NULL
"""


def years_with_awards(unit_id: Units = None) -> list[int]:
    """Years with standing awards, newest first."""
    if unit_id is None:
        with connections[router.db_for_read(Award)].cursor() as cursor:
            cursor.execute(YEARS_SQL.format(table=Award._meta.db_table), [False, False])
            return [row[0] for row in cursor.fetchall()]
    awards = for_units(Award.objects.filter(revoked=False), "proposing_unit_id", unit_id)
    return list(awards.order_by("-year").values_list("year", flat=True).distinct())


def latest_province_year(unit_id: Units = None) -> int | None:
    """The latest year with standing awards decided at the province's level or above (None if none).

    The dashboard opens on it: a year that so far holds only units' own decisions (the rounds of year N are often
    decided in January of N + 1) is still listed among the years, but is not where the province's summary opens."""
    connection = connections[router.db_for_read(Award)]
    if unit_id is None and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(year) FROM {SUMMARY_TABLE} WHERE n > 0 AND NOT authority = ANY(%s)",
                           [list(BASE_AUTHORITIES)])
            return cursor.fetchone()[0]
    awards = Award.objects.filter(revoked=False).exclude(authority__in=BASE_AUTHORITIES)
    awards = for_units(awards, "proposing_unit_id", unit_id)
    return awards.aggregate(latest=Max("year"))["latest"]


@dataclass
class AwardLine:
    """One award type (or one series with its classes folded) in a year, counted by recipient kind."""

    key: str
    name: str
    level: str
    sort_order: int
    codes: list[str] = field(default_factory=list)
    classes: set[int] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def label(self) -> str:
        if len(self.classes) > 1:
            return f"{self.name} hạng " + ", ".join(CLASS_WORDS[c] for c in sorted(self.classes))
        return self.name

    def phrase(self) -> str:
        """The conference phrasing of the line, counts zero-padded. Collectives and individuals are one count
        ("16 tập thể, cá nhân được tặng Bằng khen của Thủ tướng Chính phủ") unless households were awarded too:
        then each kind is counted on its own, as the province's articles write it ("27 tập thể, 24 cá nhân và
        02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh")."""
        counts = [(self.counts.get(kind, 0), word) for kind, word in
                  ((RecipientKind.COLLECTIVE, "tập thể"), (RecipientKind.INDIVIDUAL, "cá nhân"),
                   (RecipientKind.HOUSEHOLD, "hộ gia đình"))]
        households = counts[2][0]
        if households:
            parts = [f"{n:02d} {word}" for n, word in counts if n]
            listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"
            return f"{listed} được tặng {self.label}"
        people = counts[0][0] + counts[1][0]
        kinds = ", ".join(word for n, word in counts[:2] if n)
        return f"{people:02d} {kinds} được tặng {self.label}"


def award_lines(year: int, unit_id: Units = None) -> list[AwardLine]:
    """Counts per award type and recipient kind; classes of one series folded together. Two queries: the counts
    (``standing_counts``, no join) and the catalogue's names (a few dozen rows, read whole so that the number of
    queries never depends on the data)."""
    return award_lines_of(year, year, unit_id)[year]


def award_lines_of(first: int, last: int, unit_id: Units = None) -> dict[int, list[AwardLine]]:
    """``award_lines`` of each year from ``first`` to ``last`` (the dashboard: the year and the one before), in the
    same two queries: the counts grouped by year too, and the catalogue's names."""
    counts = standing_counts(["year", "award_type_id", "award_code", "authority", "recipient_kind"], first - 1, last,
                             unit_id)
    names = {row[0]: row[1:] for row in AwardType.objects.order_by().values_list(
        "id", "name", "short_name", "series", "award_class", "sort_order")}
    by_year: dict[int, list[tuple]] = {year: [] for year in range(first, last + 1)}
    for row in counts:
        by_year[row[0]].append(row)
    return {year: _fold(rows, names) for year, rows in by_year.items()}


# An authority's level by its stored value (one dictionary lookup per counted row, no enum to build).
LEVEL_OF = {str(authority): level for authority, level in AUTHORITY_LEVEL.items()}


def _fold(rows: list[tuple], names: dict[int, tuple]) -> list[AwardLine]:
    """Lines from counted rows (year, award type id, code, authority, kind, n) and the catalogue's (name, short
    name, series, class, sort order) by award type id."""
    lines: dict[str, AwardLine] = OrderedDict()
    for _year, type_id, code, authority, kind, n in rows:
        name, short_name, series, award_class, sort_order = names[type_id]
        level = LEVEL_OF[authority]
        # One line per level: an award decided by a unit never joins a line of the province or above.
        key = f"{level}:series:{series}" if series else f"{level}:code:{code}"
        line = lines.get(key)
        if line is None:
            line = lines[key] = AwardLine(key=key, name=series or short_name or name, level=level,
                                          sort_order=sort_order)
        line.sort_order = min(line.sort_order, sort_order)
        if code not in line.codes:
            line.codes.append(code)
        if award_class:
            line.classes.add(award_class)
        line.counts[kind] += n
    return sorted(lines.values(), key=lambda line: (LEVEL_ORDER.index(line.level), line.sort_order, line.name))


def summary_paragraph(lines: list[AwardLine]) -> str:
    """The conference phrasing, ready to paste: "04 tập thể được tặng Huân chương Lao động hạng Nhất, Nhì, Ba;
    16 tập thể, cá nhân được tặng Bằng khen của Thủ tướng Chính phủ; ...": the province and above. Awards
    decided by units (cấp cơ sở) are a level of their own, reported apart (``awards.reports.bodies``)."""
    lines = [line for line in lines if line.level != AuthorityLevel.BASE]
    if not lines:
        return ""
    return "; ".join(line.phrase() for line in lines) + "."


def by_level(lines: list[AwardLine]) -> list[tuple[str, list[AwardLine], int]]:
    groups: dict[str, list[AwardLine]] = OrderedDict((level, []) for level in LEVEL_ORDER)
    for line in lines:
        groups[line.level].append(line)
    return [(str(AuthorityLevel(level).label), items, sum(i.total for i in items)) for level, items in groups.items()
            if items]


def by_kind(year: int, unit_id: Units = None) -> list[tuple[str, int]]:
    counts = dict(standing_counts(["recipient_kind"], year - 1, year, unit_id))
    return [(str(RecipientKind(kind).label), counts.get(kind, 0)) for kind in KIND_ORDER]


def by_body_kind(year: int, unit_id: Units = None) -> list[tuple[str, int]]:
    """Standing awards of a year decided in the product, per kind of issuing body: [("Sở, ban, ngành", 12), ...]."""
    counts = dict(standing_counts(["body_kind"], year - 1, year, unit_id))
    return [(str(kind.label), counts[kind]) for kind in BodyKind if counts.get(kind)]


def by_occasion(year: int, unit_id: Units = None) -> list[tuple[str, str, int]]:
    return occasions_and_bonus(year, unit_id)[0]


def occasions_and_bonus(year: int, unit_id: Units = None) -> tuple[list[tuple[str, str, int]], int]:
    """``by_occasion`` and ``bonus_total`` of a year in one query (the bonuses summed over the occasions)."""
    rows = standing_counts(["occasion"], year - 1, year, unit_id, bonus=True)
    counts = {occasion: n for occasion, n, _bonus in rows}
    occasions = [(occasion.value, str(occasion.label), counts.get(occasion.value, 0)) for occasion in OccasionType
                 if counts.get(occasion.value)]
    return occasions, sum(bonus for _occasion, _n, bonus in rows)


def kinds_of(trend_rows: list[tuple[int, int, int, int]], year: int) -> list[tuple[str, int]]:
    """``by_kind`` of ``year`` read from the ``trend`` rows that hold it (no query)."""
    counts = next(row[1:] for row in trend_rows if row[0] == year)
    return [(str(RecipientKind(kind).label), n) for kind, n in zip(KIND_ORDER, counts, strict=True)]


def trend(last_year: int, unit_id: Units = None, span: int = 10) -> list[tuple[int, int, int, int]]:
    """(year, collectives, individuals, households) for ten years, in one query."""
    rows = standing_counts(["year", "recipient_kind"], last_year - span, last_year, unit_id)
    counts = {(year, kind): n for year, kind, n in rows}
    return [(year, *(counts.get((year, kind), 0) for kind in KIND_ORDER))
            for year in range(last_year - span + 1, last_year + 1)]


def drill_down(year: int, codes: list[str], kind: str | None, unit_id: Units = None,
               occasion: str | None = None, cluster_id: int | None = None, level: str | None = None,
               body: int | str | None = None, decision_id: int | None = None) -> QuerySet[Award]:
    """The recipients behind any figure of the dashboard: award codes (all when empty), recipient kind,
    occasion, cluster of the proposing unit, level (``AuthorityLevel``), issuing body (an id, or "none" for
    awards without one), decision."""
    awards = awards_in(year, unit_id).select_related("award_type", "decision")
    if codes:
        awards = awards.filter(award_code__in=codes)
    if level in AuthorityLevel.values:
        awards = awards.filter(authority__in=authorities_of(level))
    if body == NO_BODY:
        awards = awards.filter(body__isnull=True)
    elif body is not None:
        awards = awards.filter(body_id=body)
    if decision_id is not None:
        awards = awards.filter(decision_id=decision_id)
    if kind in RecipientKind.values:
        awards = awards.filter(recipient_kind=kind)
    if occasion in OccasionType.values:
        awards = awards.filter(occasion=occasion)
    if cluster_id is not None:
        awards = awards.filter(proposing_unit__cluster_memberships__year=year,
                               proposing_unit__cluster_memberships__cluster_id=cluster_id)
    if body is not None:
        return awards.order_by("decided_on", "decision_id", "recipient_kind", "recipient_name", "pk")
    if codes and AwardType.objects.filter(code__in=codes).values("sort_order").distinct().count() <= 1:
        # One place in the catalogue's order (one type, or a series whose classes share it): the same order
        # without the join, which the index ``award_drill_idx`` (migration 0019) answers without a sort.
        return awards.order_by("recipient_kind", "recipient_name", "pk")
    return awards.order_by("award_type__sort_order", "recipient_kind", "recipient_name", "pk")


class IdPaginator(Paginator):
    """Pages a long ordered list by its ids first (on PostgreSQL an index-only scan of ``award_drill_idx`` even for
    the last page), then reads only the rows shown, with their related rows, in the same order."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.order_by().filter(pk__in=ids).in_bulk() if ids else {}
        return self._get_page([rows[pk] for pk in ids], number, self)


def trend_bars(rows: list[tuple[int, int, int, int]], width: int = 500, height: int = 160) -> list[dict]:
    """Stacked bars for a server-side SVG chart (no script, legible in print); the table beside it has the
    same numbers."""
    peak = max((c + i + h for _y, c, i, h in rows), default=0) or 1
    slot = width / max(len(rows), 1)
    bars = []
    for index, (year, c, i, h) in enumerate(rows):
        x, top = index * slot + slot * 0.15, height
        segments = []
        for value, css, fill in ((c, "bar-collective", "#a4161a"), (i, "bar-individual", "#f4a261"),
                                 (h, "bar-household", "#2a9d8f")):
            size = value * height / peak
            top -= size
            segments.append({"y": f"{top:.1f}", "h": f"{size:.1f}", "css": css, "fill": fill, "value": value})
        # SVG attributes are written as plain strings: localized numbers ("12,5") would break the drawing.
        bars.append({"year": str(year), "x": f"{x:.1f}", "w": f"{slot * 0.7:.1f}", "segments": segments,
                     "total": c + i + h, "label_x": f"{x + slot * 0.35:.1f}"})
    return bars


def processing(year: int, unit_id: Units = None) -> dict[str, object]:
    """How the board handled dossiers in a year: received, returned, still pending now, appraised on time.
    Dossiers a unit's own head decides (cấp cơ sở) never reach the board and are not counted.

    Two plain statements (the counts, then the year's appraisals with their due dates) written from the models'
    metadata: the ORM's three queries cost 3.5 ms of CPU to build on every dashboard, more than the database's
    answer. A year is the local calendar year (as the ORM's ``__year``); an appraisal is on time when its local
    date is at most the due date."""
    from awards.enums import DossierState
    from awards.models import Dossier, DossierTransition, Nomination

    connection = connections[router.db_for_read(Dossier)]
    d, t, n = Dossier._meta, DossierTransition._meta, Nomination._meta
    start, end = connection.ops.year_lookup_bounds_for_datetime_field(year)
    scope, scope_params = f"authority NOT IN ({', '.join(['%s'] * len(BASE_AUTHORITIES))})", list(BASE_AUTHORITIES)
    if unit_id is not None:
        ids = [unit_id] if isinstance(unit_id, int) else list(unit_id)
        scope += f" AND unit_id IN ({', '.join(['%s'] * len(ids))})" if ids else " AND 1 = 0"
        scope_params += ids
    pending = [str(state) for state in (DossierState.SUBMITTED, DossierState.RECEIVED, DossierState.REVIEWED,
                                        DossierState.IN_COUNCIL, DossierState.AWAITING_DECISION,
                                        DossierState.FORWARDED)]
    dossiers = f"(SELECT id, received_at, state, submitted_at, due_date FROM {d.db_table} WHERE {scope})"
    marks = ", ".join(["%s"] * len(pending))
    counts = (
        f"SELECT (SELECT COUNT(*) FROM {dossiers} r WHERE r.received_at BETWEEN %s AND %s), "
        f"(SELECT COUNT(*) FROM {dossiers} p WHERE p.state IN ({marks})), "
        f"(SELECT COUNT(*) FROM {dossiers} s LEFT JOIN {n.db_table} m ON m.dossier_id = s.id "
        "WHERE s.submitted_at BETWEEN %s AND %s AND s.state <> %s), "
        f"(SELECT COUNT(DISTINCT x.dossier_id) FROM {t.db_table} x JOIN {dossiers} b ON b.id = x.dossier_id "
        "WHERE x.action = %s AND x.at BETWEEN %s AND %s)")
    params = [*scope_params, start, end, *scope_params, *pending,
              *scope_params, start, end, str(DossierState.WITHDRAWN), *scope_params, "return", start, end]
    reviews = (f"SELECT x.at, b.due_date FROM {t.db_table} x JOIN {dossiers} b ON b.id = x.dossier_id "
               "WHERE x.action = %s AND x.at BETWEEN %s AND %s")
    with connection.cursor() as cursor:
        cursor.execute(counts, params)
        received, pending_now, proposed, returned = cursor.fetchone()
        cursor.execute(reviews, [*scope_params, "complete_review", start, end])
        reviewed = cursor.fetchall()
    at_col, due_col = t.get_field("at").get_col(t.db_table), d.get_field("due_date").get_col(d.db_table)
    at_converters, due_converters = connection.ops.get_db_converters(at_col), connection.ops.get_db_converters(due_col)
    on_time = 0
    for at, due in reviewed:  # SQLite answers text; PostgreSQL dates and aware datetimes (no converters)
        for convert in at_converters:
            at = convert(at, at_col, connection)
        for convert in due_converters:
            due = convert(due, due_col, connection)
        on_time += due is not None and timezone.localtime(at).date() <= due
    return {
        "received": received,
        "returned": returned,
        "pending": pending_now,
        "reviewed": len(reviewed),
        "on_time": on_time,
        "on_time_pct": round(on_time * 100 / len(reviewed), 1) if reviewed else None,
        "proposed": proposed,
    }


def by_cluster(year: int, unit_id: Units = None) -> list[tuple[int, str, int, int]]:
    """Standing awards of a year by the emulation cluster the proposing unit belonged to that year:
    (cluster id, cluster, collectives, all awards). One query."""
    awards = Award.objects.filter(year=year, revoked=False, proposing_unit__cluster_memberships__year=year)
    awards = for_units(awards, "proposing_unit_id", unit_id)
    rows = (
        awards.values("proposing_unit__cluster_memberships__cluster_id",
                      "proposing_unit__cluster_memberships__cluster__name",
                      "proposing_unit__cluster_memberships__cluster__sort_order")
        .annotate(collectives=Count("id", filter=Q(recipient_kind=RecipientKind.COLLECTIVE)), n=Count("id"))
        .order_by("proposing_unit__cluster_memberships__cluster__sort_order",
                  "proposing_unit__cluster_memberships__cluster__name")
    )
    return [(row["proposing_unit__cluster_memberships__cluster_id"],
             row["proposing_unit__cluster_memberships__cluster__name"], row["collectives"], row["n"]) for row in rows]

"""Benchmark: rendering the PDF of a decision (decision + annex) with 50, 500 and 2,000 recipients.

Units, persons, dossiers and nominations are bulk-created inside a transaction that is rolled back at the
end, so the database is left as it was; each decision is drafted with ``draft_decision`` (the real code
path) and rendered in-process with ``awards.documents.decision_pdf.render``. Time: median of 3 renders (1 for the
largest size). Memory: the process's peak resident set during the renders of one size (Linux VmHWM, reset
before each size through /proc/self/clear_refs) and its growth over the resident set before them; where
the peak cannot be reset, the growth of ``getrusage(RUSAGE_SELF).ru_maxrss`` is reported instead."""

from __future__ import annotations

import datetime
import gc
import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from awards.management.commands.bench_pages import machine_line

DECIDED_ON = datetime.date(2026, 11, 23)
ACHIEVEMENT_YEAR = 2025
FAMILY = ["Nguyễn", "Trần", "Hoàng", "Lường", "Nông", "Hà", "Vi", "Lộc", "Đinh", "Triệu"]
MIDDLE = ["Văn", "Thị", "Mạnh", "Thu", "Đức", "Ngọc"]
GIVEN = ["Cương", "Lư", "Hòa", "Thắng", "Huyền", "Dũng", "Phượng", "Thiệu", "Hiền", "Tuấn", "Lượng"]
POSITIONS = ["Chuyên viên", "Trưởng phòng Kế hoạch tổng hợp", "Phó Trưởng phòng Tổ chức cán bộ", "Giáo viên",
             "Điều dưỡng trưởng", "Kế toán trưởng"]


class Rollback(Exception):
    pass


def decision_docx(decision, path: Path) -> None:
    """The same decision as a Word document (python-docx): header, articles, signature and the annex tables with
    a header row repeated on every page, in Liberation Serif as the PDF; what LibreOffice is asked to convert."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    from awards.documents.decision_pdf import decision_context
    from units.templatetags.vn import num

    ctx = decision_context(decision)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    # Table cells take the Normal style: 13 pt as the PDF's annex; body paragraphs are set to 14 pt below.
    style.font.name, style.font.size = "Liberation Serif", Pt(13)
    style.paragraph_format.space_after, style.paragraph_format.space_before = Pt(0), Pt(0)
    style.paragraph_format.line_spacing = 1.2

    def paragraph(text: str, bold: bool = False, italic: bool = False, center: bool = False, size: int = 14):
        para = document.add_paragraph()
        run = para.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        para.paragraph_format.space_after = Pt(6)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
        return para

    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "\n".join(x for x in (decision.issuer_line1, decision.issuer_line2) if x)
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = f"Số: {ctx['code']}"
    header.cell(1, 1).text = ctx["place_date"]
    paragraph("QUYẾT ĐỊNH", bold=True, center=True)
    paragraph(decision.subject, bold=True, center=True)
    paragraph(decision.authority_line, bold=True, center=True)
    for basis in ctx["legal_bases"] + ctx["proposals"]:
        paragraph(basis, italic=True)
    paragraph("QUYẾT ĐỊNH:", bold=True, center=True)
    paragraph(f"Điều 1. {ctx['article_one']}")
    if ctx["bonus"]:
        paragraph(f"Điều 2. {ctx['bonus_article']}")
    paragraph(f"Điều {ctx['execution_no']}. {ctx['execution']}")
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n" + "\n".join(f"- {r}" for r in ctx["recipients"])
    sign.cell(0, 1).text = "\n".join(ctx["signature_lines"]) + "\n\n\n\n" + ctx["signer"].full_name
    document.add_page_break()
    paragraph("DANH SÁCH", bold=True, center=True)
    paragraph(f"(Kèm theo Quyết định số {ctx['code']} {ctx['date_words']} của {ctx['issuer_words']})", italic=True,
              center=True)
    for group in ctx["groups"]:
        paragraph(f"{group['numeral']}. {group['label']}", bold=True)
        columns = 3 if ctx["bonus"] else 2
        table = document.add_table(rows=1, cols=columns)
        table.style = "Table Grid"
        head = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        head._tr.get_or_add_trPr().append(repeat)
        titles = ["STT", "Họ và tên, chức vụ, đơn vị" if group["label"] == "Cá nhân" else "Tên tập thể",
                  "Số tiền (đồng)"]
        table.autofit = False
        widths = [Mm(13), Mm(165 - 13 - 36), Mm(36)] if columns == 3 else [Mm(13), Mm(165 - 13)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid LibreOffice reads
        for cell, title, width in zip(head.cells, titles[:columns], widths, strict=True):
            cell.text, cell.width = title, width
        for number, line in enumerate(group["lines"], start=1):
            cells = table.add_row().cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
            cells[0].text = str(number)
            cells[1].text = line.display_name + (f", {line.detail}" if line.detail else "")
            if columns == 3:
                cells[2].text = num(line.bonus_amount)
    document.save(str(path))


def libreoffice_seconds(docx: Path, outdir: Path) -> float:
    """Wall time of ``soffice --headless --convert-to pdf`` on ``docx`` (start-up included, as a user waits)."""
    return libreoffice_run(docx, outdir)[0]


def libreoffice_run(docx: Path, outdir: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the LibreOffice processes, which have exited when it returns) of
    ``soffice --headless --convert-to pdf`` on ``docx``, start-up included."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{outdir}/profile",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=600)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not docx.with_suffix(".pdf").exists():
        raise CommandError(f"LibreOffice wrote no PDF for {docx}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


class Command(BaseCommand):
    help = "Time the decision PDF (decision + annex) with 50, 500 and 2,000 recipients; peak memory and pages."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="500,2000", help="comma-separated recipient counts")
        parser.add_argument("--runs", type=int, default=3, help="renders per size (the largest size: 2)")
        parser.add_argument("--keep", metavar="DIR", help="write each PDF to DIR for a look")

    def handle(self, *args, **options):
        try:
            sizes = sorted({int(size) for size in options["sizes"].split(",") if size.strip()})
        except ValueError:
            raise CommandError("--sizes takes numbers, e.g. 50,500,2000") from None
        if not sizes or min(sizes) < 1:
            raise CommandError("--sizes takes positive numbers")
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per page otherwise
        self.describe_machine()
        results = []
        try:
            with transaction.atomic():
                for size in sizes:
                    decision = self.make_decision(size)
                    runs = min(2, options["runs"]) if size == max(sizes) and len(sizes) > 1 else options["runs"]
                    results.append(self.measure(decision, size, runs, options["keep"]))
                raise Rollback
        except Rollback:
            pass
        self.stdout.write("")
        self.stdout.write("ratios (our PDF / LibreOffice converting the same decision as .docx, same run; goal 0.6x):")
        for row in results:
            ratio = f"{row['seconds'] / row['anchor']:.2f}x" if row["anchor"] else "no LibreOffice"
            if row["anchor_cpu"]:  # CPU time: what the load of other jobs moves least
                ratio += f" (CPU time: {row['cpu'] / row['anchor_cpu']:.2f}x)"
            self.stdout.write(f"  {row['size']:,} recipients: {ratio}")
        self.stdout.write(machine_line())
        self.stdout.write("| recipients | pages | PDF size | time (s) | LibreOffice (s) | runs | peak RSS (MB) "
                          "| growth (MB) |")
        self.stdout.write("|---|---|---|---|---|---|---|---|")
        for row in results:
            anchor = f"{row['anchor']:.2f}" if row["anchor"] else "—"
            self.stdout.write(
                f"| {row['size']:,} | {row['pages']} | {row['bytes'] / 1024:,.0f} KiB | {row['seconds']:.2f} | "
                f"{anchor} | {row['runs']} | {row['peak_mb']} | {row['growth_mb']:.0f} |")

    def describe_machine(self) -> None:
        import weasyprint

        cpus = os.cpu_count()
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(f"machine: {cpus} cores ({platform.processor() or platform.machine()}), {mem:.0f} GiB RAM; "
                          f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}; "
                          f"database: {connection.vendor}")

    def make_decision(self, size: int):
        """A decision of Bằng khen của Chủ tịch UBND tỉnh for ``size`` recipients: one collective per unit
        (one unit per 20 recipients), the rest individuals, one dossier per unit awaiting the decision."""
        from django.contrib.auth.models import Group

        from awards.catalogue.in_force import award_type_on
        from awards.decisions.services import draft_decision
        from awards.enums import Authority, DossierState, RecipientKind, Verdict
        from awards.models import Dossier, Nomination, Signer
        from units.models import Gender, Person, Role, Unit, UnitKind, User

        started = time.perf_counter()
        award = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(ACHIEVEMENT_YEAR, 12, 31))
        staff = User.objects.create(username=f"bench-decision-staff-{size}", full_name="Bench", is_staff=True)
        staff.groups.add(Group.objects.get(name=Role.BOARD_STAFF))
        signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                       valid_from=datetime.date(2020, 1, 1))
        unit_count = max(1, size // 20)
        units = Unit.objects.bulk_create(
            Unit(code=f"bench-decision-{size}-{i}", name=f"Trường Trung học phổ thông Việt Bắc số {i + 1}",
                 kind=UnitKind.DEPARTMENT) for i in range(unit_count))
        dossiers = Dossier.objects.bulk_create(
            Dossier(reference=f"D{size:05d}{i:05d}", unit=unit, title=f"Đề nghị tặng Bằng khen năm {ACHIEVEMENT_YEAR}",
                    occasion="cong_trang", year=ACHIEVEMENT_YEAR, authority=Authority.PROVINCE_CHAIR,
                    state=DossierState.AWAITING_DECISION, submission_number=f"{i + 1}/TTr-THPT",
                    submission_date=datetime.date(ACHIEVEMENT_YEAR + 1, 10, 15), created_by=staff)
            for i, unit in enumerate(units))
        people = size - unit_count
        persons = Person.objects.bulk_create(
            Person(full_name=f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 6]} {GIVEN[i // 60 % 11]}",
                   gender=Gender.FEMALE if MIDDLE[i // 10 % 6] in {"Thị", "Thu", "Ngọc"} else Gender.MALE,
                   position=POSITIONS[i % len(POSITIONS)], unit=units[i % unit_count])
            for i in range(people))
        nominations = [
            Nomination(dossier=dossier, recipient_kind=RecipientKind.COLLECTIVE, unit=dossier.unit, award_type=award,
                       verdict=Verdict.ELIGIBLE, recipient_key=f"unit:{dossier.unit_id}")
            for dossier in dossiers
        ] + [
            Nomination(dossier=dossiers[i % unit_count], recipient_kind=RecipientKind.INDIVIDUAL, person=person,
                       award_type=award, verdict=Verdict.ELIGIBLE, position=i, recipient_key=f"person:{person.pk}")
            for i, person in enumerate(persons)
        ]
        Nomination.objects.bulk_create(nominations)
        ready = list(Nomination.objects.filter(dossier__in=dossiers).select_related(
            "award_type", "dossier", "dossier__unit", "person", "person__unit", "unit", "household"))
        decision = draft_decision(ready, staff, DECIDED_ON, signer, "đã có thành tích xuất sắc năm học 2024 - 2025")
        self.stdout.write(f"{size:,} recipients: data and draft in {time.perf_counter() - started:.1f} s "
                          f"({unit_count} units, {people} individuals)")
        return decision

    def measure(self, decision, size: int, runs: int, keep: str | None) -> dict:
        from awards.documents import decision_pdf

        anchors = []
        with tempfile.TemporaryDirectory(prefix="bench-decision-") as tmp:
            docx = Path(tmp) / f"decision-{size}.docx"
            decision_docx(decision, docx)
            if shutil.which("soffice") or shutil.which("libreoffice"):
                libreoffice_seconds(docx, Path(tmp))  # first start creates LibreOffice's profile: not counted
            gc.collect()
            resettable = _reset_peak()
            rss_before = _status_kb("VmRSS") if resettable else None
            maxrss_before = _maxrss_kb()
            times, cpu, anchor_cpu, data, pages = [], [], [], b"", 0
            for _run in range(runs):  # interleaved: LibreOffice on the .docx, then our render, on the same machine
                if shutil.which("soffice") or shutil.which("libreoffice"):
                    wall, used = libreoffice_run(docx, Path(tmp))
                    anchors.append(wall)
                    anchor_cpu.append(used)
                start, start_cpu = time.perf_counter(), time.process_time()
                data, pages = decision_pdf.render(decision, "decision")
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            peak_kb = _status_kb("VmHWM") if resettable else None
        if resettable and peak_kb is not None and rss_before is not None:
            peak_mb, growth_mb = f"{peak_kb / 1024:.0f}", (peak_kb - rss_before) / 1024
        else:
            peak_mb, growth_mb = f"{_maxrss_kb() / 1024:.0f} (ru_maxrss)", (_maxrss_kb() - maxrss_before) / 1024
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"decision-{size}.pdf").write_bytes(data)
        seconds = statistics.median(times)
        anchor = statistics.median(anchors) if anchors else None
        self.stdout.write(f"  render: {', '.join(f'{t:.2f}' for t in times)} s -> median {seconds:.2f} s "
                          f"(CPU {statistics.median(cpu):.2f} s); "
                          f"LibreOffice: {', '.join(f'{t:.2f}' for t in anchors) or 'not installed'}"
                          + (f" (CPU {statistics.median(anchor_cpu):.2f} s)" if anchor_cpu else "") + "; "
                          f"{pages} pages, {len(data) / 1024:,.0f} KiB; peak RSS {peak_mb} MB, "
                          f"growth {growth_mb:.0f} MB")
        return {"size": size, "pages": pages, "bytes": len(data), "seconds": seconds, "runs": runs,
                "peak_mb": peak_mb, "growth_mb": growth_mb, "anchor": anchor, "cpu": statistics.median(cpu),
                "anchor_cpu": statistics.median(anchor_cpu) if anchor_cpu else None}

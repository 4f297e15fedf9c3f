"""Benchmark: sign and issue a decision of 500 recipients (the signer's signature, the văn thư's seal
signature, the Award rows and the verification codes), then the văn thư's signature on its 500 certificates
(rendered with their codes and QR codes, then signed with the agency's certificate). Keys: the demo key files
(PKCS#12, ``signing.demokeys``), in a temporary folder. Everything happens inside a transaction rolled back at the
end, so the database is left as it was."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from awards.management.commands.bench_decision import Command as DecisionBench
from awards.management.commands.bench_decision import Rollback


class Command(BaseCommand):
    help = "Time signing + issuing a 500-recipient decision and rendering its 500 certificates."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=500)

    def handle(self, *args, **options):
        from awards.decisions import issuing
        from awards.documents import decision_pdf
        from awards.models import Award, Decision, Issuance, VerificationCode
        from awards.signing import demokeys, validation

        size = options["size"]
        folder = Path(tempfile.mkdtemp(prefix="bench-signing-"))
        timings: dict[str, float] = {}
        with override_settings(SIGNING_DIR=folder, SIGNING_TRUST_ROOTS=[str(folder / "demo-ca.pem")]):
            try:
                with transaction.atomic():
                    decision = DecisionBench().make_decision(size)
                    Decision.objects.filter(pk=decision.pk).update(submission_number="1/TTr-SNV",
                                                                   submission_date=decision.decided_on)
                    decision.refresh_from_db()
                    actor = decision.created_by
                    signer_key, agency_key = demokeys.signer_key(decision.signer), demokeys.agency_key(decision.body)
                    start = time.perf_counter()
                    issuing.sign_as_signer(decision, actor, signer_key)
                    timings["signer"] = time.perf_counter() - start
                    start = time.perf_counter()
                    count = issuing.issue(Decision.objects.get(pk=decision.pk), actor, agency_key)
                    timings["issue"] = time.perf_counter() - start
                    data = Issuance.objects.get(decision=decision).file.read()
                    start = time.perf_counter()
                    report = validation.check(data)
                    timings["verify"] = time.perf_counter() - start
                    start = time.perf_counter()
                    certificates, pages = decision_pdf.render(Decision.objects.get(pk=decision.pk), "certificates")
                    timings["certificates"] = time.perf_counter() - start
                    start = time.perf_counter()
                    signed = issuing.sign_certificates(Decision.objects.get(pk=decision.pk), actor, agency_key)
                    timings["certificates_signed"] = time.perf_counter() - start
                    signed_size = signed.file.size
                    assert count == size == Award.objects.filter(decision=decision).count()
                    assert VerificationCode.objects.filter(line__decision=decision).count() == size
                    assert report.problem == "" and pages == size, (report.problem, pages)
                    raise Rollback
            except Rollback:
                pass
        self.stdout.write(f"Quyết định {size} người: người ký ký số (dựng PDF + ký) {timings['signer']:.1f} s; "
                          f"văn thư ký phát hành (con dấu) và ghi sổ {timings['issue']:.1f} s; "
                          f"kiểm tra 2 chữ ký {timings['verify']:.2f} s.")
        self.stdout.write(f"{size} bằng khen có mã xác thực và mã QR: dựng PDF {timings['certificates']:.1f} s "
                          f"({len(certificates) // 1024} KB); văn thư ký số tệp bằng khen (dựng + ký) "
                          f"{timings['certificates_signed']:.1f} s ({signed_size // 1024} KB).")

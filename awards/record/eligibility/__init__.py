"""The eligibility engine: award criteria as data (``EligibilityRule`` rows), evaluated against a person's or a
unit's record.

The record (awards by code and year, yearly ratings, initiatives, hold periods, collective figures) is loaded
in bulk with a constant number of queries for any number of subjects (``load_records``); evaluation itself is
pure Python on that record (``evaluate_record``), so the same code serves one nomination, the candidates page
and the 10,000-person benchmark.

Every rule cites its legal source and is effective-dated; every criterion answers met / unmet / unknown with its
evidence. What a machine cannot judge ("thành tích xuất sắc tiêu biểu") is ``unknown``: the verdict is then
"needs a person's judgement", never silently eligible. Exclusions applied everywhere:

* revoked awards never count;
* đột xuất and chuyên đề awards never count toward công trạng ladders (NĐ 152/2025/NĐ-CP Điều 4);
* an active hold period (kỷ luật, điều tra, thanh tra, khiếu nại, báo chí phản ánh) blocks, and after a
  discipline penalty achievements count only from the year after it ended (same article);
* an initiative already used for another award does not count again.

Modules, from the bottom up: ``texts`` (translations cached while evaluating), ``facts`` (the record of a subject,
loaded in bulk), ``criteria`` (the criterion kinds and their evaluation), ``engine`` (rules by date, the verdict
with its evidence), ``claims`` (a dossier's nominations: stored results, overrides, initiatives taken and given
back), ``candidates`` (who is eligible this year). Turning candidates into draft dossiers belongs to the dossier
workflow (``awards.dossiers.from_candidates``).
"""

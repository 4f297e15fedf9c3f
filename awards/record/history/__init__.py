"""Award history (quá trình khen thưởng) of a person or a unit, and awards entered from before the product.

* ``access``: who may open a history page (out of scope is a 404) and who may write one (the Board).
* ``selectors``: the permanent record (``Award``) of a person or a unit in a constant number of queries, grouped
  by year and split into the two tables of a báo cáo thành tích (Danh hiệu thi đua; Hình thức khen thưởng).
* ``entry``: the catalogue of a past year and one past award written (source "history"), refusing a duplicate.
* ``cells``: reading the cells of a báo cáo thành tích: an award name or short form (``AwardMatcher``), the
  third column ("Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn"), the loại hình.
* ``importer``: such a table read from Excel, all or nothing, with per-row errors, and its empty template.
* ``views`` / ``urls``: the pages, mounted under ``units/`` (namespace ``history``).

Years: "Năm" of a báo cáo thành tích is stored as ``achievement_year`` (the year the title or form was for);
``year`` (năm khen thưởng) is the year of the decision date, as for awards written by a published decision.

The catalogue starts with NĐ 91/2017 (versions valid from 31/07/2017). For an earlier year the earliest version
of each award stands in: the older law's titles had the same names, and the catalogue holds no older versions.
"""

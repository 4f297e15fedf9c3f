"""The yearly facts of a unit and its people (``awards.models.record``), as the Board and units record them day to
day: the page "Dữ liệu xét thi đua" of a unit, and the Excel import of yearly ratings and collective figures.

* ``access``: board staff import for any unit, a unit officer for his unit and its sub-units; only the Board
  records initiatives and hold periods (visibility itself is ``awards.record.history.access.visible_units``: 404).
* ``selectors``: everything the page shows, in a constant number of queries.
* ``columns``: the two tables (columns, accepted headers) and how their cells are read.
* ``importer``: ``import_ratings`` / ``import_figures`` read one table each, all or nothing, with per-row errors
  (row, column, message). Re-importing a file changes nothing: a row equal to what is stored is "unchanged", a row
  with another value for the same person (or unit) and year is an update, reported with the old and new values.
* ``xlsx_templates``: the empty Excel templates of the two tables.
* ``forms`` / ``views`` / ``urls``: the page, the imports and the Board's forms for an initiative and a hold
  period, mounted under ``units/`` (namespace ``facts``).
"""

"""Learning: the managed taxonomy of learning themes and the learning points any module records
against its source record; the database of learning is built on them.

Public API for the domain apps (case reviews, child deaths, assurance):

* services.learning_point_record(actor=, source=<your record>, source_kind=, title=, summary=,
  recorded_on=, themes=, agencies=(), area=None, is_published=False)
* services.learning_point_update(actor=, point=, expected_version=, themes=None, agencies=None,
  **fields) with fields among source_kind, title, summary, recorded_on, area
* services.learning_point_publish(actor=, point=) / learning_point_unpublish(actor=, point=,
  reason="")
* selectors.learning_point_list_for_source(source=, published_only=False)
* selectors.learning_point_list_for_user(user=, search=, theme=, source_kind=, year=, agency=,
  area=) and selectors.theme_trend(years=, user=None, published_only=False) for the database
  of learning and the annual report
* selectors.theme_list(include_retired=False) for choosing themes
* services.learning_source_title_refresh(actor=, source=) after a source's `learning_title`
  changes. A source may define a `learning_title` property (de-identified, e.g. "Local child
  safeguarding practice review: Oliver"): it is copied onto its learning for search and for
  the permanent page of that source's learning.

The database of learning's pages: the searchable list (search over titles, summaries and
source titles; filters by type, reporting year, theme, agency and area), a page per learning
point and per source (review), trends per theme per year (SVG chart with a data table) and
CSV/XLSX exports scoped to what the user may see and recorded in the activity log.

Learning points hold de-identified text only: never a child's identifying details.

May import: core, accounts, activity_log, partnership.
"""

"""Annual reports: the partnership's yearly report, written, signed off and published from the
platform. An edition per reporting year holds ordered sections with narrative (safe Markdown
with figure tokens from the figure catalogue, built on each app's reporting.py), context
figures with sources, partners' contributions and the scrutineer's report; the three lead
safeguarding partners sign it off; publishing freezes a version shown on a public page and as a
tagged PDF. The computed report of a year (settings.ANNUAL_REPORT_SECTIONS) is still offered.

May import: every app below it (reads only their reporting.py modules and selectors, plus
datasets.disclosure for the suppression rule and partnership's Agency and Area for sign-off and
context figures).
"""

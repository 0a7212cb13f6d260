"""Annual report figures for this app (the contract is in core/reporting.py).

Placeholder until the module's records exist: the section says so instead of showing figures.
"""

from __future__ import annotations

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="assurance",
        title="Quality assurance and scrutiny",
        template="assurance/report_section.html",
        figures=None,
    )

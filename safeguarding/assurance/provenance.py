"""The records behind the quality assurance figures of the annual report (the contract is in
core/provenance.py). Each query repeats the rule its figure in reporting.py counts by; the
annual report's tests check that each list's length is the figure.

Scoped as the module's own lists are (selectors.*_list_for_user): staff and the read-only roles
see every record; an agency's safeguarding lead sees their own agency's Section 11 returns and
commentaries and the audits their agency took part in; an auditor the audits they audit;
anyone else gets 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse

from safeguarding.assurance import permissions, selectors
from safeguarding.assurance.models import (
    Audit,
    PerformanceCommentary,
    Section11Cycle,
    Section11Return,
)
from safeguarding.core.dates import format_date
from safeguarding.core.provenance import Column, RecordList, scoped_to
from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    pass


def audits_completed(year: ReportingYear) -> QuerySet[Audit]:
    return Audit.objects.filter(
        status=Audit.Status.COMPLETE, completed_on__range=(year.start, year.end)
    ).order_by("completed_on", "title", "id")


def section11_returns(year: ReportingYear) -> QuerySet[Section11Return]:
    """The returns of the year's cycle (the latest opened, as reporting.py takes it)."""
    cycle = Section11Cycle.objects.filter(year_label=year.label).order_by("-opens_on").first()
    returns = Section11Return.objects.select_related("agency", "cycle")
    if cycle is None:
        return returns.none()
    return returns.filter(cycle=cycle).order_by("agency__name", "id")


def section11_submitted(year: ReportingYear) -> QuerySet[Section11Return]:
    return section11_returns(year).exclude(status=Section11Return.Status.DRAFT)


def escalations(year: ReportingYear) -> QuerySet[PerformanceCommentary]:
    return (
        PerformanceCommentary.objects.filter(year_label=year.label)
        .exclude(escalation="")
        .select_related("agency")
        .order_by("agency__name", "id")
    )


RETURN_COLUMNS = (
    Column("Agency", lambda r: r.agency.name),
    Column("Cycle", lambda r: r.cycle.name),
    Column("Status", lambda r: r.get_status_display()),
    Column("Submitted", lambda r: format_date(r.submitted_at)),
)


def _returns_list(records: Any) -> RecordList:
    return RecordList(
        noun="Section 11 returns",
        records=records,
        allowed=permissions.can_view_assurance,
        scope=scoped_to(selectors.section11_return_list_for_user),
        columns=RETURN_COLUMNS,
        link=lambda r: reverse("assurance:section11_return_detail", args=[r.pk]),
    )


RECORDS: dict[str, RecordList] = {
    "assurance.audits_completed": RecordList(
        noun="audits",
        records=audits_completed,
        allowed=permissions.can_view_assurance,
        scope=scoped_to(selectors.audit_list_for_user),
        columns=(
            Column("Audit", lambda a: a.title),
            Column("Theme", lambda a: a.theme),
            Column("Completed", lambda a: format_date(a.completed_on)),
        ),
        link=lambda a: reverse("assurance:audit_detail", args=[a.pk]),
    ),
    "assurance.section11_returns": _returns_list(section11_returns),
    "assurance.section11_submitted": _returns_list(section11_submitted),
    "assurance.escalations": RecordList(
        noun="performance commentaries",
        records=escalations,
        allowed=permissions.can_view_assurance,
        scope=scoped_to(selectors.commentary_list_for_user),
        columns=(
            Column("Agency", lambda c: c.agency.name),
            Column("Year", lambda c: c.year_label),
            Column("Escalation", lambda c: c.escalation),
        ),
    ),
}

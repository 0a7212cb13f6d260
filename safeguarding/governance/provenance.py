"""The records behind the governance figures of the annual report (the contract is in
core/provenance.py): the meetings held and the decisions recorded. Each query repeats the rule
its figure in reporting.py counts by; the annual report's tests check each list's length.

Scoped by the module's own rule (permissions.can_view_group_meetings): a restricted group's
meetings (the CSPR subgroup, CDOP) only for its members in person and staff; other groups' for
staff, their members and the read-only roles. Anyone without a governance view gets 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from safeguarding.core.dates import format_date
from safeguarding.core.provenance import Column, RecordList
from safeguarding.core.years import ReportingYear
from safeguarding.governance import permissions, selectors
from safeguarding.governance.models import Decision, Meeting

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def meetings_held(year: ReportingYear) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(
            cancelled=False, starts_at__date__gte=year.start, starts_at__date__lte=year.end
        )
        .select_related("group")
        .order_by("starts_at", "id")
    )


def decisions(year: ReportingYear) -> QuerySet[Decision]:
    """Decisions of the year's meetings; a restricted group's decisions are left out."""
    return (
        Decision.objects.filter(
            Q(meeting__group__papers_policy__isnull=True)
            | Q(meeting__group__papers_policy__restricted=False),
            meeting__cancelled=False,
            meeting__starts_at__date__gte=year.start,
            meeting__starts_at__date__lte=year.end,
        )
        .select_related("meeting__group")
        .order_by("meeting__starts_at", "number", "id")
    )


def _visible_groups(user: User) -> list[int]:
    return [group.pk for group in selectors.group_list_for_user(user=user)]


def _scope_meetings(user: User, records: QuerySet[Any]) -> QuerySet[Any]:
    return records.filter(group_id__in=_visible_groups(user))


def _scope_decisions(user: User, records: QuerySet[Any]) -> QuerySet[Any]:
    return records.filter(meeting__group_id__in=_visible_groups(user))


RECORDS: dict[str, RecordList] = {
    "governance.meetings": RecordList(
        noun="meetings",
        records=meetings_held,
        allowed=permissions.can_view_governance,
        scope=_scope_meetings,
        columns=(
            Column("Group", lambda m: m.group.name),
            Column("Held", lambda m: format_date(m.starts_at)),
        ),
        link=lambda m: reverse("governance:meeting_detail", args=[m.pk]),
    ),
    "governance.decisions": RecordList(
        noun="decisions",
        records=decisions,
        allowed=permissions.can_view_governance,
        scope=_scope_decisions,
        columns=(
            Column("Group", lambda d: d.meeting.group.name),
            Column("Meeting", lambda d: format_date(d.meeting.starts_at)),
            Column("Decision", lambda d: d.text),
        ),
        link=lambda d: reverse("governance:meeting_detail", args=[d.meeting_id]),
    ),
}

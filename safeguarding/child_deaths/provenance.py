"""The records behind the child death figures of the annual report (the contract is in
core/provenance.py): each list is the query the figure is counted from, so its length is the
figure. Only people who may open child death cases see them (CDOP managers all; panel members
the cases on their meetings' agendas); everyone else gets 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse

from safeguarding.child_deaths import permissions, selectors
from safeguarding.child_deaths.models import AgeBand, ChildDeathNotification, PanelReview
from safeguarding.core.dates import format_date
from safeguarding.core.provenance import Column, RecordList, Records, scoped_to
from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    pass

UNDER_ONE_BANDS = (AgeBand.NEONATAL, AgeBand.INFANT)
EXPECTED = ChildDeathNotification.Expectation.EXPECTED


def notified(year: ReportingYear) -> QuerySet[ChildDeathNotification]:
    return selectors.notifications_in_year(year=year).order_by("notified_on", "id")


def reviews_completed(year: ReportingYear) -> QuerySet[PanelReview]:
    return selectors.reviews_completed_in_year(year=year).order_by("completed_on", "id")


NOTIFICATION_COLUMNS = (
    Column("Reference", lambda n: n.reference),
    Column("Notified", lambda n: format_date(n.notified_on)),
    Column("Age band", lambda n: n.get_age_band_display()),
    Column("Expected", lambda n: n.get_expectation_display()),
    Column("Lived in", lambda n: n.residence_area.name if n.residence_area else "Outside"),
)
REVIEW_COLUMNS = (
    Column("Reference", lambda r: r.notification.reference),
    Column("Review completed", lambda r: format_date(r.completed_on)),
    Column("Modifiable factors", lambda r: r.get_modifiable_display()),
)


def _notifications(records: Records) -> RecordList:
    return RecordList(
        noun="child death notifications",
        records=records,
        allowed=permissions.can_view_cases,
        scope=scoped_to(selectors.notification_list_for_user),
        columns=NOTIFICATION_COLUMNS,
        link=lambda n: reverse("child_deaths:notification_detail", args=[n.pk]),
    )


def _reviews(records: Records) -> RecordList:
    return RecordList(
        noun="child death reviews",
        records=records,
        allowed=permissions.can_view_cases,
        scope=scoped_to(selectors.notification_list_for_user, field="notification_id"),
        columns=REVIEW_COLUMNS,
        link=lambda r: reverse("child_deaths:notification_detail", args=[r.notification_id]),
    )


RECORDS: dict[str, RecordList] = {
    "child_deaths.notified": _notifications(notified),
    "child_deaths.notified_previous": _notifications(lambda year: notified(year.previous)),
    "child_deaths.outside_partnership": _notifications(
        lambda year: notified(year).filter(residence_area__isnull=True)
    ),
    "child_deaths.under_one": _notifications(
        lambda year: notified(year).filter(age_band__in=UNDER_ONE_BANDS)
    ),
    "child_deaths.expected": _notifications(
        lambda year: notified(year).filter(expectation=EXPECTED)
    ),
    "child_deaths.unexpected": _notifications(
        lambda year: notified(year).exclude(expectation=EXPECTED)
    ),
    "child_deaths.reviews_completed": _reviews(reviews_completed),
    "child_deaths.with_modifiable": _reviews(
        lambda year: reviews_completed(year).filter(modifiable=PanelReview.Modifiable.YES)
    ),
    "child_deaths.without_modifiable": _reviews(
        lambda year: reviews_completed(year).filter(modifiable=PanelReview.Modifiable.NO)
    ),
    "child_deaths.insufficient_information": _reviews(
        lambda year: reviews_completed(year).filter(modifiable=PanelReview.Modifiable.INSUFFICIENT)
    ),
}

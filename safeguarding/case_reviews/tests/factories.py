"""Factories for case review tests. They write rows directly (no activity log); service tests
call the services."""

from __future__ import annotations

from datetime import date

from factory.declarations import LazyAttribute, RelatedFactory, Sequence, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.case_reviews.models import (
    AgencyRequest,
    IncidentNotification,
    NotifiedChild,
    PracticeReview,
    RapidReview,
)
from safeguarding.core.dates import add_months
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory


class IncidentNotificationFactory(DjangoModelFactory[IncidentNotification]):
    """A notification with its (undecided) rapid review."""

    class Meta:
        model = IncidentNotification
        skip_postgeneration_save = True

    reference = Sequence(lambda n: f"SIN-2020-{n + 1:03d}")
    area = SubFactory(AreaFactory)
    incident_type = IncidentNotification.IncidentType.SERIOUS_HARM
    aware_on = date(2020, 6, 1)
    notified_on = date(2020, 6, 3)
    summary = "A synthetic incident."
    rapid_review = RelatedFactory(
        "safeguarding.case_reviews.tests.factories.RapidReviewFactory",
        factory_related_name="notification",
    )


class RapidReviewFactory(DjangoModelFactory[RapidReview]):
    class Meta:
        model = RapidReview

    notification = SubFactory(IncidentNotificationFactory, rapid_review=None)


class NotifiedChildFactory(DjangoModelFactory[NotifiedChild]):
    class Meta:
        model = NotifiedChild

    notification = SubFactory(IncidentNotificationFactory)
    pseudonym = Sequence(lambda n: f"Wren{n}")
    full_name = "Testy Synthetic-Child"
    date_of_birth_text = "2019-01-01"


class PracticeReviewFactory(DjangoModelFactory[PracticeReview]):
    class Meta:
        model = PracticeReview

    kind = PracticeReview.Kind.CSPR
    title = Sequence(lambda n: f"Linnet{n}")
    area = SubFactory(AreaFactory)
    decided_on = date(2020, 5, 1)
    commissioned_on = date(2020, 6, 1)
    target_on = LazyAttribute(lambda o: add_months(o.decided_on, 6))
    status = PracticeReview.Status.IN_PROGRESS


class AgencyRequestFactory(DjangoModelFactory[AgencyRequest]):
    class Meta:
        model = AgencyRequest

    rapid_review = LazyAttribute(lambda o: IncidentNotificationFactory.create().rapid_review)
    agency = SubFactory(AgencyFactory)
    requested_on = date(2020, 6, 4)
    due_on = date(2020, 6, 12)

"""The seeded world the matrix runs against: two agencies (A and B), two areas, one person per
role (agency-scoped roles granted for agency A), a person with no role, and a few records of
every kind, some reachable from agency A and some not (agency B's, archived, another person's).
Built once per test module with the apps' factories and services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import AGENCY_SCOPED_ROLES, Role
from safeguarding.core.tests.matrix.spec import ANONYMOUS, NO_ROLE


@dataclass
class World:
    users: dict[str, User] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    # Records by a short name ("agency_a", "action_b", ...).
    records: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["records"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    from safeguarding.accounts.tests.factories import UserFactory
    from safeguarding.actions.tests.factories import (
        ActionFactory,
        ActionPlanFactory,
        ActionUpdateFactory,
    )
    from safeguarding.case_reviews.models import PracticeReview
    from safeguarding.case_reviews.tests.factories import (
        AgencyRequestFactory,
        IncidentNotificationFactory,
        PracticeReviewFactory,
    )
    from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
    from safeguarding.partnership import services as partnership_services
    from safeguarding.partnership.models import District, GroupMembership
    from safeguarding.partnership.tests.factories import (
        AgencyFactory,
        AreaFactory,
        GroupFactory,
        PriorityFactory,
    )
    from safeguarding.retention.models import LegalHold
    from safeguarding.retention.tests.factories import attended_booking
    from safeguarding.training.models import Certificate
    from safeguarding.training.tests.factories import (
        TrainingBookingFactory,
        TrainingSessionFactory,
    )

    world = World()
    records = world.records
    records["agency_a"] = agency_a = AgencyFactory.create(name="Matrix Agency A")
    records["agency_b"] = agency_b = AgencyFactory.create(name="Matrix Agency B")
    records["area_a"] = area_a = AreaFactory.create()
    records["area_b"] = AreaFactory.create()
    records["district_a"] = District.objects.create(
        area=area_a, name="Matrix District", ons_code="E07009999"
    )

    for role in Role.values:
        user = UserFactory.create(email=f"{role}@matrix.example")
        agency = agency_a if role in AGENCY_SCOPED_ROLES else None
        partnership_services.role_grant(actor=None, user=user, role=role, agency=agency)
        user.clear_role_cache()
        world.users[role] = user
    world.users[NO_ROLE] = UserFactory.create(email="no-role@matrix.example")
    # Another person, with a practitioner role for agency B.
    records["person_b"] = person_b = UserFactory.create(email="person-b@matrix.example")
    records["grant_b"] = partnership_services.role_grant(
        actor=None, user=person_b, role=Role.PRACTITIONER, agency=agency_b
    )

    records["group"] = group = GroupFactory.create()
    records["membership"] = GroupMembership.objects.create(
        group=group, person=person_b, agency=agency_b, role=GroupMembership.GroupRole.MEMBER
    )
    records["priority"] = PriorityFactory.create()

    records["plan"] = plan = ActionPlanFactory.create()
    records["action_a"] = action_a = ActionFactory.create(plan=plan, owner_agency=agency_a)
    records["action_b"] = action_b = ActionFactory.create(plan=plan, owner_agency=agency_b)
    records["update_a"] = ActionUpdateFactory.create(action=action_a)
    records["update_b"] = ActionUpdateFactory.create(action=action_b)

    # learning: a published and an unpublished point, a live and a retired theme.
    records["theme"] = theme = ThemeFactory.create()
    records["theme_retired"] = ThemeFactory.create(retired_on=dt.date(2020, 1, 1))
    records["point_published"] = LearningPointFactory.create(source=group, themes=[theme])
    records["point_unpublished"] = LearningPointFactory.create(source=group, is_published=False)

    # retention: a legal hold on agency B's action.
    records["hold"] = LegalHold.objects.create(
        content_type=ContentType.objects.get_for_model(action_b),
        object_id=action_b.pk,
        object_label="Agency B's action",
        reason="Synthetic inquiry.",
        review_on=dt.date(2030, 1, 1),
        placed_at=timezone.now(),
        placed_by=world.users[Role.PARTNERSHIP_ADMIN],
    )

    # case_reviews / website: an in-progress, a published and an archived published review.
    records["review_in_progress"] = PracticeReviewFactory.create(area=area_a)
    records["review_published"] = PracticeReviewFactory.create(
        area=area_a,
        status=PracticeReview.Status.PUBLISHED,
        published_on=dt.date(2021, 3, 1),
    )
    records["review_archived"] = PracticeReviewFactory.create(
        area=area_a,
        status=PracticeReview.Status.PUBLISHED,
        published_on=dt.date(2021, 3, 1),
        archived_at=timezone.now(),
    )

    # case_reviews: a notification with its rapid review, and a request to each agency.
    records["notification"] = notification = IncidentNotificationFactory.create(area=area_a)
    records["rapid_review"] = rapid_review = notification.rapid_review
    records["request_a"] = AgencyRequestFactory.create(rapid_review=rapid_review, agency=agency_a)
    records["request_b"] = AgencyRequestFactory.create(rapid_review=rapid_review, agency=agency_b)

    # training: a course and session; the practitioner's own booking; another person's
    # attended booking with its certificate.
    records["session"] = session = TrainingSessionFactory.create()
    records["course"] = session.course
    records["booking_own"] = TrainingBookingFactory.create(
        session=session, learner=world.users[Role.PRACTITIONER]
    )
    records["booking_other"] = booking_other = attended_booking(learner=person_b)
    records["certificate_other"] = Certificate.objects.get(booking=booking_other)

    # Each app's matrix module may add its own records: `build(world)` beside its ENTRIES.
    from safeguarding.core.tests.matrix.registry import MODULES

    for module in MODULES:
        build = getattr(module, "build", None)
        if build is not None:
            build(world)

    for name, user in world.users.items():
        client = Client()
        client.force_login(user)
        world.clients[name] = client
    world.clients[ANONYMOUS] = Client()
    return world

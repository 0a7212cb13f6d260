"""Factories for child death records. Synthetic only: invented names, 999-prefixed NHS numbers.

Notifications are made through the service (so hashes, age band and reference are computed as
in real use); `notification_make(**overrides)` is the one way tests create them, and
`information_request_make(**overrides)` makes an information request the same way.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import factory
from factory.django import DjangoModelFactory

from safeguarding.accounts.models import User
from safeguarding.child_deaths import identity, services
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    InformationRequest,
    ReviewMeeting,
)
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

_serial = itertools.count(1)


def nhs_number_make() -> str:
    """A fresh valid synthetic NHS number in the 999 test range."""
    while True:
        first_nine = f"999{next(_serial) + 500_000:06d}"
        check = identity.nhs_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def notification_make(**overrides: Any) -> ChildDeathNotification:
    n = next(_serial)
    died = overrides.pop("date_of_death", date(2020, 6, 1))
    data: dict[str, Any] = {
        "actor": None,
        "child_name": f"Testchild Number{n}",
        "date_of_birth": died - timedelta(days=400 + n),
        "nhs_number": nhs_number_make(),
        "sex": ChildDeathNotification.Sex.FEMALE,
        "date_of_death": died,
        "place_of_death": ChildDeathNotification.PlaceOfDeath.HOSPITAL,
        "expectation": ChildDeathNotification.Expectation.EXPECTED,
        "notified_on": died + timedelta(days=1),
        "notified_by": "Designated doctor (test)",
    }
    data.update(overrides)
    if "residence_area" not in data and not data.get("home_area_name"):
        data["residence_area"] = AreaFactory.create()
    return services.notification_create(**data)


def information_request_make(**overrides: Any) -> InformationRequest:
    """An information request made through the service, by no one (`actor=None`), to contact
    "A" at a@x.example, about a new notification and to a new agency unless they are given."""
    data: dict[str, Any] = {"actor": None, "contact_name": "A", "contact_email": "a@x.example"}
    data.update(overrides)
    if "notification" not in data:
        data["notification"] = notification_make()
    if "agency" not in data:
        data["agency"] = AgencyFactory.create()
    return services.information_request_create(**data)


class ReviewMeetingFactory(DjangoModelFactory[ReviewMeeting]):
    class Meta:
        model = ReviewMeeting

    kind = ReviewMeeting.Kind.PANEL
    held_on = date(2021, 3, 18)
    title = factory.Sequence(lambda n: f"CDOP panel meeting {n}")


def meeting_make(
    *, members: list[User] | None = None, cases: list[ChildDeathNotification] | None = None
) -> ReviewMeeting:
    meeting = ReviewMeetingFactory.create()
    meeting.members.set(members or [])
    meeting.cases.set(cases or [])
    return meeting

from __future__ import annotations

from datetime import date

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.partnership.models import Agency, Area, Group, Partnership, Priority


class PartnershipFactory(DjangoModelFactory[Partnership]):
    class Meta:
        model = Partnership
        django_get_or_create = ("name",)

    name = "Test Safeguarding Children Partnership"


class AreaFactory(DjangoModelFactory[Area]):
    class Meta:
        model = Area

    partnership = SubFactory(PartnershipFactory)
    name = Sequence(lambda n: f"Testshire {n}")
    kind = Area.Kind.UNITARY
    ons_code = Sequence(lambda n: f"E0600{n % 10000:04d}")
    # Three digits and nine characters at most, however many areas a test session makes.
    la_number = Sequence(lambda n: f"{100 + n % 900:03d}")


class AgencyFactory(DjangoModelFactory[Agency]):
    class Meta:
        model = Agency

    name = Sequence(lambda n: f"Test Agency {n}")
    sector = Agency.Sector.HEALTH


class GroupFactory(DjangoModelFactory[Group]):
    class Meta:
        model = Group

    name = Sequence(lambda n: f"Test Group {n}")
    kind = Group.Kind.SUBGROUP


class PriorityFactory(DjangoModelFactory[Priority]):
    class Meta:
        model = Priority

    number = Sequence(lambda n: n + 1)
    title = Sequence(lambda n: f"Priority title {n}")
    period_start = date(2019, 10, 1)
    period_end = date(2021, 12, 31)
    what_we_will_do = "Things we will do."
    what_success_looks_like = "What success looks like."

from __future__ import annotations

from datetime import date

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.partnership.models import District
from safeguarding.partnership.tests.factories import AreaFactory
from safeguarding.website.models import Audience, FrontDoor, Page, Resource, Topic


class TopicFactory(DjangoModelFactory[Topic]):
    class Meta:
        model = Topic

    name = Sequence(lambda n: f"Topic {n}")
    slug = Sequence(lambda n: f"topic-{n}")


class PageFactory(DjangoModelFactory[Page]):
    class Meta:
        model = Page

    slug = Sequence(lambda n: f"page-{n}")
    title = Sequence(lambda n: f"Page {n}")
    summary = "A short summary."
    body = "Some **text**."
    audience = Audience.PROFESSIONALS
    review_on = date(2030, 1, 1)
    is_published = True


class ResourceFactory(DjangoModelFactory[Resource]):
    class Meta:
        model = Resource

    slug = Sequence(lambda n: f"resource-{n}")
    title = Sequence(lambda n: f"Resource {n}")
    kind = Resource.Kind.TOOLKIT
    summary = "A toolkit."
    topic = SubFactory(TopicFactory)
    audience = Audience.PROFESSIONALS
    is_published = True


class DistrictFactory(DjangoModelFactory[District]):
    class Meta:
        model = District

    area = SubFactory(AreaFactory)
    name = Sequence(lambda n: f"District {n}")
    ons_code = Sequence(lambda n: f"E0700{n % 10000:04d}")


class FrontDoorFactory(DjangoModelFactory[FrontDoor]):
    class Meta:
        model = FrontDoor

    area = SubFactory(AreaFactory)
    name = "Children's front door"
    phone = "0100 000 0000"
    hours = "Monday to Friday, 8am to 6pm"
    out_of_hours_phone = "0100 000 0001"
    review_on = date(2030, 1, 1)

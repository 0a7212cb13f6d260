"""website: the public pages; staff manage the content.

Public pages answer everyone, signed in or not; a draft (or anything unpublished) is not
found. The management pages answer the business unit; the read-only roles, who may read the
management list and statistics, get 403 on the editing pages; everyone else 404."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    BOARD_MEMBER,
    BUSINESS_UNIT,
    FORBIDDEN,
    NOT_FOUND,
    OK,
    SCRUTINEER,
    STAFF_AND_READERS,
    Case,
    Filler,
    expect,
    pk,
    public,
    public_page,
    read_page,
    same,
)


def build(world: Any) -> None:
    """Published and draft pages, resources (one with a downloadable version) and tools, a
    front door, a subscription, and a disabled area (report a concern never offers it)."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from safeguarding.assurance.models import FormTemplate, Question
    from safeguarding.assurance.services import forms as form_services
    from safeguarding.partnership.tests.factories import AreaFactory
    from safeguarding.website import services
    from safeguarding.website.models import Audience, Subscription
    from safeguarding.website.tests.factories import (
        FrontDoorFactory,
        PageFactory,
        ResourceFactory,
    )

    records = world.records
    admin = world.users[ADMIN]
    records["web_page"] = PageFactory.create(slug="matrix-page")
    records["web_page_draft"] = PageFactory.create(slug="matrix-draft", is_published=False)
    records["web_resource"] = resource = ResourceFactory.create(slug="matrix-resource")
    records["web_resource_draft"] = ResourceFactory.create(
        slug="matrix-resource-draft", is_published=False
    )
    services.resource_version_add(
        actor=admin,
        resource=resource,
        file=SimpleUploadedFile("t.pdf", b"%PDF-1.4\n%%EOF\n"),
        published_on=dt.date(2026, 1, 1),
        review_on=dt.date(2030, 1, 1),
    )
    records["web_front_door"] = FrontDoorFactory.create(area=world.area_a)
    records["web_area_disabled"] = AreaFactory.create(disabled_on=dt.date(2020, 1, 1))
    records["web_subscription"] = Subscription.objects.create(
        email="subscriber@matrix.example", token="matrix-token"
    )
    template = form_services.form_template_create(
        actor=admin, name="Matrix questionnaire", purpose=FormTemplate.Purpose.SURVEY
    )
    section = form_services.form_section_add(actor=admin, template=template, title="Questions")
    form_services.form_question_add(
        actor=admin,
        section=section,
        key="play",
        text="Was it play?",
        kind=Question.Kind.CHOICE,
        choices=["Yes", "No"],
    )
    tools = (
        ("web_tool", "matrix-tool", "Matrix tool", True),
        ("web_tool_draft", "matrix-tool-draft", "Matrix draft tool", False),
    )
    for name, slug, title, is_published in tools:
        records[name] = services.tool_create(
            actor=admin,
            slug=slug,
            title=title,
            audience=Audience.PARENTS,
            is_published=is_published,
            summary="A tool.",
            intro="",
            form=template,
        )


review_in_progress = pk("review_in_progress")
review_published = pk("review_published")
review_archived = pk("review_archived")


def _slug(name: str) -> Filler:
    return lambda w: {"slug": w.records[name].slug}


# The business unit's editing pages: read-only roles (who may read the management list) get
# 403, everyone else 404.
MANAGE = expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN))


def _manage(label: str, fill: Filler) -> Case:
    return Case(label, get=MANAGE, post=MANAGE, fill=fill)


ENTRIES: dict[str, tuple[Case, ...]] = {
    "website:concern_start": (public_page("no object"),),
    "website:front_door_create": (same("no object", MANAGE),),
    "website:home": (public_page("no object"),),
    "website:learning_list": (public_page("no object"),),
    "website:manage": (read_page("no object", STAFF_AND_READERS),),
    "website:page_create": (same("no object", MANAGE),),
    "website:resource_create": (same("no object", MANAGE),),
    "website:resource_list": (public_page("no object"),),
    "website:search": (public_page("no object"),),
    "website:statistics": (read_page("no object", STAFF_AND_READERS),),
    "website:subscribe": (same("no object", public()),),
    "website:subscribe_sent": (public_page("no object"),),
    "website:tool_create": (same("no object", MANAGE),),
    "website:annual_report_list": (public_page("no object"),),
    "website:practice_review_list": (public_page("no object"),),
    "website:practice_review_detail": (
        public_page("review in progress", review_in_progress, NOT_FOUND),
        public_page("review published", review_published),
        public_page("review archived", review_archived, NOT_FOUND),
    ),
    "website:practice_review_report": (
        public_page("review in progress", review_in_progress, NOT_FOUND),
        public_page("review published", review_published, NOT_FOUND),
        public_page("review archived", review_archived, NOT_FOUND),
    ),
    "website:concern_district": (
        public_page("live area", lambda w: {"area_pk": w.area_a.pk}),
        public_page("disabled area", lambda w: {"area_pk": w.web_area_disabled.pk}, NOT_FOUND),
    ),
    "website:concern_result": (
        public_page("live area", lambda w: {"area_pk": w.area_a.pk}),
        public_page("disabled area", lambda w: {"area_pk": w.web_area_disabled.pk}, NOT_FOUND),
    ),
    "website:concern_result_district": (
        public_page(
            "the area's district",
            lambda w: {"area_pk": w.area_a.pk, "district_pk": w.district_a.pk},
        ),
        public_page(
            "another area's district",
            lambda w: {"area_pk": w.area_b.pk, "district_pk": w.district_a.pk},
            NOT_FOUND,
        ),
    ),
    "website:front_door_update": (_manage("front door", pk("web_front_door")),),
    "website:learning_detail": (
        public_page("published point", pk("point_published")),
        public_page("unpublished point", pk("point_unpublished"), NOT_FOUND),
    ),
    "website:page_detail": (
        public_page("published page", _slug("web_page")),
        public_page("draft page", _slug("web_page_draft"), NOT_FOUND),
    ),
    "website:page_update": (
        _manage("published page", pk("web_page")),
        _manage("draft page", pk("web_page_draft")),
    ),
    "website:resource_detail": (
        public_page("published resource", _slug("web_resource")),
        public_page("draft resource", _slug("web_resource_draft"), NOT_FOUND),
    ),
    "website:resource_download": (
        public_page(
            "published resource's version", lambda w: {"slug": w.web_resource.slug, "number": 1}
        ),
        public_page(
            "a version that does not exist",
            lambda w: {"slug": w.web_resource.slug, "number": 9},
            NOT_FOUND,
        ),
        public_page(
            "draft resource", lambda w: {"slug": w.web_resource_draft.slug, "number": 1}, NOT_FOUND
        ),
    ),
    "website:resource_update": (
        _manage("published resource", pk("web_resource")),
        _manage("draft resource", pk("web_resource_draft")),
    ),
    "website:resource_version_add": (
        _manage("published resource", pk("web_resource")),
        _manage("draft resource", pk("web_resource_draft")),
    ),
    # The token is the only key: the page answers the same whether or not it matches, so it
    # never confirms that an address is subscribed.
    "website:subscription_confirm": (
        same("a subscriber's token", public(), lambda w: {"token": "matrix-token"}),
        same("an unknown token", public(), lambda w: {"token": "unknown"}),
    ),
    "website:unsubscribe": (
        same("a subscriber's token", public(), lambda w: {"token": "matrix-token"}),
        same("an unknown token", public(), lambda w: {"token": "unknown"}),
    ),
    # Answers are posted back to the page (nothing stored).
    "website:tool_detail": (
        same("published tool", public(), _slug("web_tool")),
        same("draft tool", public(NOT_FOUND), _slug("web_tool_draft")),
    ),
    "website:tool_outcome_add": (_manage("tool", pk("web_tool")),),
    "website:tool_rule_add": (_manage("tool", pk("web_tool")),),
    "website:tool_update": (
        _manage("published tool", pk("web_tool")),
        _manage("draft tool", pk("web_tool_draft")),
    ),
}

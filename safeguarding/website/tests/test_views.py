from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership.tests.factories import AreaFactory
from safeguarding.website import services
from safeguarding.website.models import Audience, Page, Subscription
from safeguarding.website.tests.factories import (
    DistrictFactory,
    FrontDoorFactory,
    PageFactory,
    ResourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
PDF_BYTES = b"%PDF-1.4\n%%EOF\n"


def test_published_pages_are_public_and_drafts_are_not_found(client) -> None:
    PageFactory.create(slug="about", title="About the partnership")
    PageFactory.create(slug="draft", is_published=False)
    assert client.get(reverse("website:home")).status_code == 200
    response = client.get(reverse("website:page_detail", args=["about"]))
    assert response.status_code == 200
    assert "About the partnership" in response.content.decode()
    assert client.get(reverse("website:page_detail", args=["draft"])).status_code == 404


def test_written_text_is_sanitised_on_the_page(client) -> None:
    PageFactory.create(slug="x", body="Hello <script>alert(1)</script> [a](javascript:alert(2))")
    html = client.get(reverse("website:page_detail", args=["x"])).content.decode()
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html.split("</main>")[0].split('href="javascript')[0] or (
        'href="javascript' not in html
    )


def test_pages_for_families_offer_exit_this_page(client) -> None:
    PageFactory.create(slug="families", audience=Audience.PARENTS)
    PageFactory.create(slug="pros", audience=Audience.PROFESSIONALS)
    assert "Exit this page" in client.get("/site/pages/families/").content.decode()
    assert "Exit this page" not in client.get("/site/pages/pros/").content.decode()


def test_a_resource_download_is_an_attachment_that_is_never_sniffed(client, officer) -> None:
    resource = ResourceFactory.create(slug="cce-toolkit")
    services.resource_version_add(
        actor=officer, resource=resource, file=SimpleUploadedFile("t.pdf", PDF_BYTES),
        published_on=date(2026, 1, 1), review_on=date(2027, 1, 1),
    )  # fmt: skip
    response = client.get(reverse("website:resource_download", args=["cce-toolkit", 1]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    resource.is_published = False
    resource.save()
    assert (
        client.get(reverse("website:resource_download", args=["cce-toolkit", 1])).status_code
        == 404
    )
    assert (
        client.get(reverse("website:resource_download", args=["cce-toolkit", 9])).status_code
        == 404
    )


def test_report_a_concern_routes_by_area_then_district(client) -> None:
    area = AreaFactory.create(name="Northshire")
    north, south = (
        DistrictFactory.create(area=area, name="North Vale"),
        DistrictFactory.create(area=area),
    )
    FrontDoorFactory.create(area=area, name="Northshire front door", phone="0100 111 1111")
    FrontDoorFactory.create(
        area=area, district=north, name="North Vale hub", phone="0100 222 2222"
    )
    lone_area = AreaFactory.create(name="Lonely Borough")
    FrontDoorFactory.create(area=lone_area, name="Lonely front door")

    step = client.get(reverse("website:concern_start"), {"area": area.pk, "asked": "1"})
    assert step["Location"] == reverse("website:concern_district", args=[area.pk])
    step = client.get(step["Location"], {"district": north.pk, "asked": "1"})
    result = client.get(step["Location"]).content.decode()
    assert "North Vale hub" in result
    assert "0100 222 2222" in result
    assert "999" in result
    result = client.get(
        reverse("website:concern_result_district", args=[area.pk, south.pk])
    ).content.decode()
    assert "Northshire front door" in result  # no own door: the area's
    step = client.get(reverse("website:concern_start"), {"area": lone_area.pk, "asked": "1"})
    assert step["Location"] == reverse("website:concern_result", args=[lone_area.pk])
    other = DistrictFactory.create()
    assert (
        client.get(
            reverse("website:concern_result_district", args=[area.pk, other.pk])
        ).status_code
        == 404
    )


def test_report_a_concern_without_an_answer_says_what_to_do(client) -> None:
    AreaFactory.create()
    html = client.get(
        reverse("website:concern_start"), {"area": "", "asked": "1"}
    ).content.decode()
    assert "govuk-error-summary" in html
    assert "Select where the child lives" in html


def test_search_finds_pages_resources_and_published_learning(client, officer) -> None:
    from safeguarding.learning.models import Theme

    PageFactory.create(
        slug="dogs", title="Dogs and babies", body="Never leave a baby alone with a dog."
    )
    ResourceFactory.create(title="Home safety", topic=TopicFactory.create(name="Dangerous dogs"))
    theme = Theme.objects.create(name="Dog attacks") if not Theme.objects.filter(
        name="Dog attacks").exists() else Theme.objects.get(name="Dog attacks")  # fmt: skip
    point = _learning_point(officer, title="Supervising pets", published=True)
    point.themes.add(theme)
    _learning_point(officer, title="Unpublished dog learning", published=False)
    html = client.get(reverse("website:search"), {"q": "dog"}).content.decode()
    assert "Dogs and babies" in html
    assert "Home safety" in html
    assert "Supervising pets" in html
    assert "Unpublished dog learning" not in html


def _learning_point(user, *, title: str, published: bool) -> LearningPoint:
    from django.contrib.contenttypes.models import ContentType

    return LearningPoint.objects.create(
        source_type=ContentType.objects.get_for_model(Page),
        source_id=1,
        source_kind=LearningPoint.SourceKind.values[0],
        source_title="A review",
        title=title,
        summary="What we learnt.",
        recorded_on=date(2026, 1, 1),
        is_published=published,
        recorded_by=user,
    )


def test_the_honeypot_quietly_drops_robot_subscriptions(client) -> None:
    topic = TopicFactory.create()
    response = client.post(
        reverse("website:subscribe"),
        {"email": "bot@example.org", "topics": [topic.pk], "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not Subscription.objects.exists()
    client.post(reverse("website:subscribe"), {"email": "a@example.org", "topics": [topic.pk]})
    assert Subscription.objects.count() == 1


def test_confirm_and_unsubscribe_need_a_button_press(client) -> None:
    topic = TopicFactory.create()
    services.subscription_request(email="a@example.org", topics=[topic])
    token = Subscription.objects.get().token
    client.get(reverse("website:subscription_confirm", args=[token]))
    assert Subscription.objects.get().confirmed_at is None  # a link scanner confirms nothing
    client.post(reverse("website:subscription_confirm", args=[token]))
    assert Subscription.objects.get().confirmed_at is not None
    client.post(reverse("website:unsubscribe", args=[token]))
    assert not Subscription.objects.exists()


def test_an_edit_clears_the_public_page_cache(
    client, officer, django_capture_on_commit_callbacks
) -> None:
    page = PageFactory.create(slug="about", title="Old title")
    url = reverse("website:page_detail", args=["about"])
    assert "Old title" in client.get(url).content.decode()
    assert client.get(url)["X-Website-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.page_update(actor=officer, page=page, expected_version=page.version, title="New")
    assert "New" in client.get(url).content.decode()


def test_signed_in_people_are_never_served_the_anonymous_cache(client, officer) -> None:
    PageFactory.create(slug="about")
    url = reverse("website:page_detail", args=["about"])
    client.get(url)
    client.force_login(officer)
    response = client.get(url)
    assert "X-Website-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_management_pages_matrix(client, officer, member_readonly, outsider) -> None:
    page = PageFactory.create()
    for url in (
        reverse("website:manage"),
        reverse("website:statistics"),
        reverse("website:page_create"),
        reverse("website:page_update", args=[page.pk]),
    ):
        matrix = ViewMatrix(client, url)
        matrix.anonymous_redirected()
        matrix.form_checks(officer, outsider=outsider)
    ViewMatrix(client, reverse("website:manage")).allowed(member_readonly)
    ViewMatrix(client, reverse("website:page_create")).read_only_write(member_readonly)
    ViewMatrix(client, reverse("website:page_update", args=[page.pk])).read_only_write(
        member_readonly
    )


def test_the_business_unit_adds_a_page_and_it_is_logged(client, officer) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("website:page_create"),
        {
            "title": "Safer sleep", "slug": "safer-sleep", "kind": "topic",
            "summary": "How babies sleep safely.", "body": "## Back to sleep",
            "audience": "parents", **date_data("review_on", "2027-03-31"), "is_published": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302
    page = Page.objects.get(slug="safer-sleep")
    assert page.owner == officer
    assert page.published_at is not None
    assert ActivityEvent.objects.filter(verb="website_page.created").exists()


def test_a_second_editor_sees_the_conflict_and_can_then_save(client, officer) -> None:
    page = PageFactory.create(title="Start")
    url = reverse("website:page_update", args=[page.pk])
    client.force_login(officer)
    form = {
        "title": "Mine", "slug": page.slug, "kind": page.kind, "summary": page.summary,
        "body": page.body, "audience": page.audience, **date_data("review_on", "2030-01-01"),
        "is_published": "on", "version": page.version,
    }  # fmt: skip
    services.page_update(actor=officer, page=page, expected_version=page.version, title="Theirs")
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    refreshed = response.context["form"].data["version"]
    assert client.post(url, {**form, "version": refreshed}).status_code == 302
    page.refresh_from_db()
    assert page.title == "Mine"


def test_statistics_page_shows_the_year_figures(client, officer) -> None:
    from safeguarding.website.models import SiteDay

    SiteDay.objects.create(day=date(2020, 5, 1), views=2000, users=700, mobile=400, desktop=300,
                           from_search=350, from_direct=350)  # fmt: skip
    client.force_login(officer)
    html = client.get(reverse("website:statistics"), {"year": "2020-21"}).content.decode()
    assert "2,000" in html
    assert "700" in html
    assert "50%" in html  # 350 of 700 from search engines


def test_site_search_is_rate_limited_per_client(client, settings) -> None:
    settings.RATE_LIMIT_SEARCH = 3
    url = reverse("website:search")
    statuses = [client.get(url, {"q": f"neglect {n}"}).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert client.get(url).status_code == 200  # no query: nothing searched, nothing counted


def test_withdrawn_learning_is_not_served_from_the_public_cache(
    client, officer, django_capture_on_commit_callbacks
) -> None:
    point = _learning_point(officer, title="Soon withdrawn", published=True)
    url = reverse("website:learning_list")
    assert "Soon withdrawn" in client.get(url).content.decode()
    assert client.get(url)["X-Website-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        point.is_published = False
        point.save()
    assert "Soon withdrawn" not in client.get(url).content.decode()


def test_the_resource_list_keeps_its_filters_on_page_2(client) -> None:
    neglect = TopicFactory.create(slug="neglect", name="Neglect")
    for _ in range(25):  # two pages of 20 for parents about neglect
        ResourceFactory.create(topic=neglect, audience=Audience.PARENTS)
    ResourceFactory.create_batch(30, topic=neglect, audience=Audience.PROFESSIONALS)
    ResourceFactory.create_batch(30, audience=Audience.PARENTS)
    url = reverse("website:resource_list")

    first = client.get(url, {"topic": "neglect", "audience": "parents"}).content.decode()
    assert "25 resources" in first
    assert 'href="?topic=neglect&amp;audience=parents&amp;page=2" rel="next"' in first

    second = client.get(url, {"topic": "neglect", "audience": "parents", "page": "2"})
    html = second.content.decode()
    assert "25 resources" in html  # still filtered on page 2
    assert second.context["page_obj"].number == 2
    assert len(second.context["page_obj"]) == 5
    assert {(r.topic_id, r.audience) for r in second.context["page_obj"]} == {
        (neglect.pk, Audience.PARENTS)
    }
    assert 'href="?topic=neglect&amp;audience=parents&amp;page=1" rel="prev"' in html


def test_the_resource_list_links_only_its_own_filters(client) -> None:
    ResourceFactory.create_batch(21)
    html = client.get(
        reverse("website:resource_list"), {"page": "2", "utm_source": "x", "audience": ""}
    ).content.decode()
    assert 'href="?page=1" rel="prev"' in html
    assert "utm_source" not in html

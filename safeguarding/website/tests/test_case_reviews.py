"""Published learning from case reviews on the public site: only what case_reviews marks as
published, with its key message, published learning, briefings and the public final report."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from safeguarding.case_reviews.models import PracticeReview
from safeguarding.case_reviews.tests.factories import NotifiedChildFactory, PracticeReviewFactory
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.website.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db
Status = PracticeReview.Status


def published_review(**fields: object) -> PracticeReview:
    defaults: dict[str, object] = {
        "title": "Kestrel",
        "status": Status.PUBLISHED,
        "signed_off_on": date(2021, 1, 10),
        "published_on": date(2021, 2, 8),
        "summary": "A baby was hurt at home.",
        "key_message": "Ask every family about the dogs in the home.",
    }
    return PracticeReviewFactory.create(**{**defaults, **fields})


def test_only_published_live_reviews_are_listed_and_found(client) -> None:
    shown = published_review()
    hidden = [
        PracticeReviewFactory.create(title=f"Hidden{status}", status=status)
        for status in Status.values
        if status != Status.PUBLISHED
    ]
    archived = published_review(title="Archived", archived_at=timezone.now())
    html = client.get(reverse("website:practice_review_list")).content.decode()
    assert "Kestrel" in html
    assert "1 published review" in html
    assert "Hidden" not in html
    assert "Archived" not in html
    assert (
        client.get(reverse("website:practice_review_detail", args=[shown.pk])).status_code == 200
    )
    for review in [*hidden, archived]:
        url = reverse("website:practice_review_detail", args=[review.pk])
        assert client.get(url).status_code == 404


def test_a_review_page_shows_its_key_message_published_learning_and_briefings(client) -> None:
    review = published_review()
    theme = ThemeFactory.create(name="Dogs in the home")
    LearningPointFactory.create(source=review, title="Ask about dogs", themes=[theme])
    LearningPointFactory.create(source=review, title="Draft finding", is_published=False)
    ResourceFactory.create(title="Kestrel briefing", practice_review=review)
    ResourceFactory.create(
        title="Unpublished briefing", practice_review=review, is_published=False
    )
    ResourceFactory.create(title="Unrelated toolkit")
    NotifiedChildFactory.create(pseudonym="Sparrow", full_name="Testy Synthetic-Child")
    html = client.get(reverse("website:practice_review_detail", args=[review.pk])).content.decode()
    assert "Ask every family about the dogs in the home." in html
    assert "Ask about dogs" in html
    assert "Dogs in the home" in html
    assert "Draft finding" not in html
    assert "Kestrel briefing" in html
    assert "Unpublished briefing" not in html
    assert "Unrelated toolkit" not in html
    assert "Synthetic-Child" not in html
    assert "Sparrow" not in html
    assert "final-report" not in html  # no report uploaded: no download link


def test_the_final_report_is_public_only_once_published(client) -> None:
    review = published_review()
    review.final_report.save("abc123.pdf", ContentFile(b"%PDF-1.4 synthetic"))
    review.final_report_name = "Kestrel report with a name.pdf"
    review.save()
    url = reverse("website:practice_review_report", args=[review.pk])
    assert client.get(url).status_code == 404  # uploaded before publication: may identify
    review.final_report_for_publication = True  # the version uploaded when it was published
    review.save()
    page = client.get(reverse("website:practice_review_detail", args=[review.pk]))
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kestrel-final-report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]

    draft = PracticeReviewFactory.create(status=Status.SIGNED_OFF, signed_off_on=date(2021, 1, 1))
    draft.final_report.save("def456.pdf", ContentFile(b"%PDF-1.4 draft"))
    assert (
        client.get(reverse("website:practice_review_report", args=[draft.pk])).status_code == 404
    )
    without = published_review(title="Without")
    assert (
        client.get(reverse("website:practice_review_report", args=[without.pk])).status_code == 404
    )


def test_search_finds_published_reviews_only(client) -> None:
    published_review()
    PracticeReviewFactory.create(title="Kestrel draft", key_message="dogs at home")
    html = client.get(reverse("website:search"), {"q": "dogs family"}).content.decode()
    assert "Local child safeguarding practice review: Kestrel" in html
    assert "Kestrel draft" not in html


def test_home_and_learning_pages_link_to_published_reviews(client) -> None:
    url = reverse("website:practice_review_list")
    assert url in client.get(reverse("website:home")).content.decode()
    assert url in client.get(reverse("website:learning_list")).content.decode()


def test_the_list_is_paginated(client) -> None:
    for number in range(25):
        published_review(title=f"Review{number:02d}")
    first = client.get(reverse("website:practice_review_list")).content.decode()
    second = client.get(reverse("website:practice_review_list"), {"page": 2}).content.decode()
    assert "25 published reviews" in first
    assert first.count("app-result") == 20
    assert second.count("app-result") == 5


def test_the_demo_publishes_oliver_with_its_learning_and_briefing(client) -> None:
    from safeguarding.case_reviews import demo as case_review_demo
    from safeguarding.partnership import demo as partnership_demo
    from safeguarding.website import demo

    partnership_demo.seed()
    case_review_demo.seed()
    demo.seed()
    demo.seed()  # idempotent
    oliver = PracticeReview.objects.get(title="Oliver")
    html = client.get(reverse("website:practice_review_list")).content.decode()
    assert reverse("website:practice_review_detail", args=[oliver.pk]) in html
    html = client.get(reverse("website:practice_review_detail", args=[oliver.pk])).content.decode()
    assert oliver.key_message.split(".")[0] in html
    assert len(re.findall(r'href="/site/learning/\d+/"', html)) == 4  # its four findings
    assert "7-minute briefing: a baby and the family dog" in html

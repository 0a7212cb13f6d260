from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.website import services
from safeguarding.website.models import Subscription
from safeguarding.website.tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _pdf(name: str = "toolkit.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_a_new_version_supersedes_the_current_one_and_both_stay_listed(officer) -> None:
    resource = ResourceFactory.create()
    first = services.resource_version_add(
        actor=officer, resource=resource, file=_pdf(), published_on=date(2026, 1, 5),
        review_on=date(2027, 1, 5),
    )  # fmt: skip
    second = services.resource_version_add(
        actor=officer, resource=resource, link="https://example.org/recording",
        notes="New recording", published_on=date(2026, 6, 1), review_on=date(2027, 6, 1),
    )  # fmt: skip
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.superseded_on == date(2026, 6, 1)
    assert second.superseded_on is None
    assert resource.versions.count() == 2
    assert first.file.name.endswith(".pdf")
    assert "toolkit" not in first.file.name
    assert first.original_name == "toolkit.pdf"
    assert ActivityEvent.objects.filter(verb="resource_version.added").count() == 2


def test_a_file_that_is_not_what_its_name_says_is_refused_naming_the_file(officer) -> None:
    resource = ResourceFactory.create()
    fake = SimpleUploadedFile("briefing.pdf", b"<html><script>x</script></html>")
    with pytest.raises(ValidationError) as error:
        services.resource_version_add(
            actor=officer, resource=resource, file=fake, published_on=date(2026, 1, 5),
            review_on=date(2027, 1, 5),
        )  # fmt: skip
    assert "briefing.pdf" in str(error.value)
    assert resource.versions.count() == 0


def test_a_version_needs_a_file_or_a_link_but_not_both(officer) -> None:
    resource = ResourceFactory.create()
    cases: list[dict[str, Any]] = [{}, {"file": _pdf(), "link": "https://example.org/x"}]
    for kwargs in cases:
        with pytest.raises(ValidationError):
            services.resource_version_add(
                actor=officer, resource=resource, published_on=date(2026, 1, 5),
                review_on=date(2027, 1, 5), **kwargs,
            )  # fmt: skip


def test_only_confirmed_subscribers_to_the_topic_are_told_of_a_new_version(
    officer, run_tasks, django_capture_on_commit_callbacks
) -> None:
    topic, other = TopicFactory.create(), TopicFactory.create()
    resource = ResourceFactory.create(topic=topic, title="Neglect toolkit")
    with django_capture_on_commit_callbacks(execute=True):
        services.subscription_request(email="Confirmed@Example.org", topics=[topic])
        services.subscription_request(email="pending@example.org", topics=[topic])
        services.subscription_request(email="elsewhere@example.org", topics=[other])
    run_tasks()
    confirmed = Subscription.objects.get(email="confirmed@example.org")
    assert services.subscription_confirm(token=confirmed.token)
    other_sub = Subscription.objects.get(email="elsewhere@example.org")
    services.subscription_confirm(token=other_sub.token)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_version_add(
            actor=officer, resource=resource, file=_pdf(), published_on=date(2026, 1, 5),
            review_on=date(2027, 1, 5),
        )  # fmt: skip
    run_tasks()
    assert [m.to for m in mail.outbox] == [["confirmed@example.org"]]
    assert "Neglect toolkit" in mail.outbox[0].subject
    assert confirmed.token in mail.outbox[0].body  # the unsubscribe link


def test_a_subscription_request_sends_a_confirmation_link_and_keeps_only_address_and_topics(
    run_tasks, django_capture_on_commit_callbacks
) -> None:
    topic = TopicFactory.create(name="Safer sleep")
    with django_capture_on_commit_callbacks(execute=True):
        services.subscription_request(email="parent@example.org", topics=[topic])
    run_tasks()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.token in mail.outbox[0].body
    assert "Safer sleep" in mail.outbox[0].body
    event = ActivityEvent.objects.get(verb="subscription.requested")
    assert "parent@example.org" not in str(event.data) + str(event.changes)
    assert event.ip_address in (None, "")


def test_unsubscribing_deletes_the_address(run_tasks) -> None:
    topic = TopicFactory.create()
    services.subscription_request(email="someone@example.org", topics=[topic])
    token = Subscription.objects.get().token
    assert services.subscription_cancel(token=token)
    assert not Subscription.objects.exists()
    assert not services.subscription_cancel(token=token)
    assert not any(
        "someone@example.org" in str(e.data) + str(e.changes) for e in ActivityEvent.objects.all()
    )


def test_a_subscription_needs_a_topic() -> None:
    with pytest.raises(ValidationError):
        services.subscription_request(email="someone@example.org", topics=[])


def test_sniffing_knows_office_files_by_their_parts() -> None:
    import zipfile

    from safeguarding.core import uploads

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    docx = SimpleUploadedFile("leaflet.docx", buffer.getvalue())
    assert uploads.check_upload(docx, kinds=uploads.DOCUMENTS, max_mb=1).key == "docx"
    renamed = SimpleUploadedFile("leaflet.xlsx", buffer.getvalue())
    with pytest.raises(ValidationError):
        uploads.check_upload(renamed, kinds=uploads.DOCUMENTS, max_mb=1)
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        uploads.check_upload(big, kinds=uploads.DOCUMENTS, max_mb=1)


def test_nobody_can_change_a_confirmed_subscription_by_typing_its_address() -> None:
    mine, other = TopicFactory.create(), TopicFactory.create()
    services.subscription_request(email="reader@example.org", topics=[mine])
    subscription = Subscription.objects.get()
    services.subscription_confirm(token=subscription.token)
    services.subscription_request(email="reader@example.org", topics=[other])  # someone else
    assert list(subscription.topics.all()) == [mine]
    services.subscription_confirm(token=subscription.token)  # the owner uses the new link
    assert list(subscription.topics.all()) == [other]

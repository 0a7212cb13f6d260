"""core.pages.form_view: a form page declared instead of written out, through the test client
on two declarations in this module (an agency's sector, saved by the real partnership service;
a note that only a fake service takes)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import include, path, reverse

from safeguarding.accounts.models import User
from safeguarding.core.forms import VersionField
from safeguarding.core.pages import (
    Closed,
    Crumb,
    PlainView,
    Trail,
    Words,
    calls,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.partnership import permissions, services
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("safeguarding.core.tests.test_form_view")]

CRUMBS = Trail("Partnership", "partnership:overview")


class SectorForm(forms.Form):
    sector = forms.ChoiceField(choices=Agency.Sector.choices)
    version = VersionField()


class NoteForm(forms.Form):
    note = forms.CharField(label="Note")


def _agency_url(agency: Agency) -> str:
    return reverse("partnership:agency_detail", args=[agency.pk])


def _agency_crumbs(agency: Agency, *extra: Crumb) -> list[Crumb]:
    return CRUMBS(("Agencies", reverse("partnership:agency_list")), (agency.name, ""), *extra)


# What every page about one agency shares, bound once (as an app's views do).
agency_page = partial(
    form_view,
    fetch=partial(permissions.get_agency_for_user_or_404, write=True),
    caption=lambda agency: agency.name,
    success_url=_agency_url,
    breadcrumbs=_agency_crumbs,
)

sector_update = agency_page(
    SectorForm,
    calls(services.agency_update, "agency", versioned=True),
    initial=lambda agency: initial_from(agency, SectorForm),
    edits_record=True,
    title=lambda agency: f"Change the sector of {agency.name}",
    crumb="Change the sector",
    submit="Save sector",
    success_message=lambda agency: f"{agency.name}'s sector has been changed.",
)

notes_saved: list[tuple[User, Agency | None, str]] = []


def _note_add(user: User, agency: Agency, form: NoteForm) -> Agency:
    if form.cleaned_data["note"] == "refuse":
        raise ValidationError({"note": "That note is refused."})
    notes_saved.append((user, agency, form.cleaned_data["note"]))
    return agency


note_add = agency_page(
    form_class=NoteForm,
    save=_note_add,
    title="Add a note",
    submit="Add note",
    success_message="The note has been added.",
    intro="Notes are synthetic.",
)


def _may_edit_partnership(user: User) -> None:
    require(permissions.can_view_partnership(user))
    require(permissions.can_edit_partnership(user), write_attempt=True)


def _agency_note_add(user: User, form: NoteForm) -> str:
    note: str = form.cleaned_data["note"]
    notes_saved.append((user, None, note))
    return note


def general_page(title: str, **declared: Any) -> PlainView:
    """What every page of a general note shares (as `agency_page` for one agency): the check,
    the address it goes on to, its button, and its title ending the trail."""
    return create_view(
        check=_may_edit_partnership,
        success_url=lambda note: reverse("partnership:agency_list"),
        title=title,
        submit="Add note",
        breadcrumbs=lambda: CRUMBS((title, "")),
        **declared,
    )


general_note_add = general_page(
    "Add a general note",
    form_class=NoteForm,
    save=_agency_note_add,
    success_message=lambda note: f"“{note}” has been added.",
)


def _note_service(*, actor: User, agency: Agency, note: str) -> str:
    notes_saved.append((actor, agency, note))
    return note


note_by_words_add = agency_page(
    NoteForm,
    calls(_note_service, "agency"),
    Words("Add a note by words", "Add the note", "The note is kept."),
)


# --- words and address from the result, a closed state, the user's choices -----------------


class WhoForm(forms.Form):
    """A form whose choices depend on who is signed in (given as `who`)."""

    note = forms.CharField(label="Note")
    who = forms.ChoiceField()

    def __init__(self, *args: Any, who: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["who"] = forms.ChoiceField(choices=[(who, who)])


def _closed_agency(user: User, agency: Agency) -> Closed | None:
    if agency.name.startswith("Closed"):
        return Closed("This agency takes no more notes.", reverse("partnership:agency_list"))
    return None


note_counted = agency_page(
    form_class=WhoForm,
    save=lambda user, agency, form: _note_service(
        actor=user, agency=agency, note=form.cleaned_data["note"]
    ),
    title="Add a counted note",
    submit=lambda agency: f"Add to {agency.name}",
    form_kwargs=lambda user, agency: {"who": user.email},
    result_message=lambda note: f"“{note}” is kept.",
    result_url=lambda note: reverse("partnership:agency_list") + f"?note={note}",
    closed=_closed_agency,
)


def _note_from_user(user: User, form: WhoForm) -> str:
    note: str = form.cleaned_data["note"]
    notes_saved.append((user, None, note))
    return note


general_who_note_add = general_page(
    "Add a note as yourself",
    form_class=WhoForm,
    save=_note_from_user,
    form_kwargs=lambda user: {"who": user.email},
    initial=lambda: {"note": "Synthetic starting note"},
)


# --- read on GET, opening logged, errors adding context, words from the user ----------------

opened_by: list[tuple[User, Agency]] = []


def _refuse_with_context(user: User, form: NoteForm, error: ValidationError) -> dict[str, Any]:
    return {"refused_for": user.email}


def _note_or_refuse(user: User, agency: Agency, form: NoteForm) -> Agency:
    return _note_add(user, agency, form)


note_read_first = agency_page(
    form_class=NoteForm,
    save=_note_or_refuse,
    read_fetch=permissions.get_agency_for_user_or_404,
    title="Read, then add a note",
    submit="Add note",
    crumb=lambda agency: f"Note on {agency.name}",
    context=lambda user, agency: {"signed_in": user.email, "agency": agency},
    opened=lambda user, agency: opened_by.append((user, agency)),
    on_error=_refuse_with_context,
)


def _general_note_or_refuse(user: User, form: NoteForm) -> str:
    if form.cleaned_data["note"] == "refuse":
        raise ValidationError({"note": "That note is refused."})
    return _agency_note_add(user, form)


general_note_listed = general_page(
    "Add a listed note",
    form_class=NoteForm,
    save=_general_note_or_refuse,
    context=lambda request: {"page": request.GET.get("page", "1")},
    on_error=_refuse_with_context,
)

urlpatterns = [
    path("test-form-view/<int:pk>/read/", note_read_first, name="test_note_read_first"),
    path("test-form-view/listed/", general_note_listed, name="test_note_listed"),
    path("test-form-view/<int:pk>/counted/", note_counted, name="test_note_counted"),
    path("test-form-view/who/", general_who_note_add, name="test_who_note_add"),
    path("test-form-view/<int:pk>/words/", note_by_words_add, name="test_note_by_words"),
    path("test-form-view/note/", general_note_add, name="test_general_note_add"),
    path("test-form-view/<int:pk>/sector/", sector_update, name="test_sector_update"),
    path("test-form-view/<int:pk>/note/", note_add, name="test_note_add"),
    path("", include("config.urls")),
]


@pytest.fixture
def agency() -> Agency:
    return AgencyFactory.create(name="Synthetic Health Trust", sector=Agency.Sector.HEALTH)


@pytest.fixture(autouse=True)
def _no_notes() -> Any:
    notes_saved.clear()
    opened_by.clear()
    yield
    notes_saved.clear()
    opened_by.clear()


def _note_url(agency: Agency) -> str:
    return reverse("test_note_add", args=[agency.pk])


def test_get_shows_the_declared_words_and_the_trail(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.get(_note_url(agency))
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert response.context["title"] == "Add a note"
    assert response.context["caption"] == "Synthetic Health Trust"
    assert response.context["submit"] == "Add note"
    assert response.context["intro"] == "Notes are synthetic."
    assert response.context["breadcrumbs"] == _agency_crumbs(agency, ("Add a note", ""))
    assert '<h1 class="govuk-heading-xl">Add a note</h1>' in response.content.decode()


def test_post_calls_save_with_the_user_and_the_fetched_record_then_redirects(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_note_url(agency), {"note": "A synthetic note"})
    assert response.status_code == 302
    assert response["Location"] == _agency_url(agency)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["The note has been added."]
    assert notes_saved == [(officer, agency, "A synthetic note")]


def test_a_service_error_is_shown_on_the_form_and_nothing_redirects(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_note_url(agency), {"note": "refuse"})
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == ["That note is refused."]
    assert notes_saved == []


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, agency: Agency) -> None:
    response = client.get(_note_url(agency))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_read_only_member_gets_403(
    client: Client, member_readonly: User, agency: Agency
) -> None:
    client.force_login(member_readonly)
    assert client.get(_note_url(agency)).status_code == 403
    assert client.post(_note_url(agency), {"note": "A synthetic note"}).status_code == 403
    assert notes_saved == []


def test_an_unknown_record_is_404(client: Client, officer: User) -> None:
    client.force_login(officer)
    assert client.get(reverse("test_note_add", args=[999999])).status_code == 404


def test_other_methods_get_405(client: Client, officer: User, agency: Agency) -> None:
    client.force_login(officer)
    assert client.put(_note_url(agency)).status_code == 405
    assert client.delete(_note_url(agency)).status_code == 405


def test_the_view_says_which_form_it_shows() -> None:
    assert note_add.form_class is NoteForm  # type: ignore[attr-defined]


def test_an_edit_page_starts_from_the_record_and_saves_through_the_service(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_sector_update", args=[agency.pk])
    response = client.get(url)
    assert response.context["title"] == "Change the sector of Synthetic Health Trust"
    assert response.context["breadcrumbs"][-1] == ("Change the sector", "")
    assert '<option value="health" selected>' in response.content.decode()
    response = client.post(url, {"sector": "police", "version": 1})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Synthetic Health Trust's sector has been changed."
    ]
    agency.refresh_from_db()
    assert (agency.sector, agency.version) == ("police", 2)


def test_an_edit_conflict_refreshes_the_version_of_the_record_the_page_edits(
    client: Client, owner: User, officer: User, agency: Agency
) -> None:
    services.agency_update(actor=owner, agency=agency, expected_version=1, sector="police")
    client.force_login(officer)
    url = reverse("test_sector_update", args=[agency.pk])
    response = client.post(url, {"sector": "fire", "version": 1})
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    assert response.context["form"].data["version"] == "2"
    response = client.post(url, {"sector": "fire", "version": 2})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.sector, agency.version) == ("fire", 3)


def test_a_create_page_checks_then_saves_with_the_user_and_words_from_the_result(
    client: Client, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("test_general_note_add")
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["breadcrumbs"][-1] == ("Add a general note", "")
    response = client.post(url, {"note": "Synthetic"})
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:agency_list")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["“Synthetic” has been added."]
    assert notes_saved == [(officer, None, "Synthetic")]


def test_a_create_page_refuses_who_the_check_refuses(
    client: Client, member_readonly: User
) -> None:
    client.force_login(member_readonly)
    url = reverse("test_general_note_add")
    assert client.post(url, {"note": "Synthetic"}).status_code == 403
    assert notes_saved == []
    assert client.put(url).status_code == 405
    client.logout()
    assert "/accounts/login/" in client.get(url)["Location"]


def test_words_say_the_title_button_and_message_and_calls_passes_the_record(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_note_by_words", args=[agency.pk])
    response = client.get(url)
    assert (response.context["title"], response.context["submit"]) == (
        "Add a note by words",
        "Add the note",
    )
    assert response.context["breadcrumbs"][-1] == ("Add a note by words", "")
    response = client.post(url, {"note": "Synthetic"})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["The note is kept."]
    assert notes_saved == [(officer, agency, "Synthetic")]


def test_words_and_address_can_come_from_what_the_service_returned(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_note_counted", args=[agency.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["submit"] == "Add to Synthetic Health Trust"
    response = client.post(url, {"note": "Synthetic", "who": officer.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:agency_list") + "?note=Synthetic"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["“Synthetic” is kept."]
    assert notes_saved == [(officer, agency, "Synthetic")]


def test_the_form_takes_choices_made_from_the_signed_in_user(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_note_counted", args=[agency.pk])
    form = client.get(url).context["form"]
    assert form.fields["who"].choices == [(officer.email, officer.email)]
    response = client.post(url, {"note": "Synthetic", "who": "someone.else@example.invalid"})
    assert response.status_code == 200
    assert "who" in response.context["form"].errors
    assert notes_saved == []


def test_a_record_in_a_closed_state_redirects_before_any_form(
    client: Client, officer: User
) -> None:
    closed = AgencyFactory.create(name="Closed Synthetic Agency")
    client.force_login(officer)
    url = reverse("test_note_counted", args=[closed.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:agency_list")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This agency takes no more notes."
    ]
    response = client.post(url, {"note": "Synthetic", "who": officer.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:agency_list")
    assert notes_saved == []


def test_the_closed_check_runs_after_the_permission_checked_fetch(
    client: Client, member_readonly: User
) -> None:
    closed = AgencyFactory.create(name="Closed Synthetic Agency")
    client.force_login(member_readonly)
    assert client.get(reverse("test_note_counted", args=[closed.pk])).status_code == 403


def test_a_create_page_takes_initial_values_and_choices_made_from_the_user(
    client: Client, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("test_who_note_add")
    form = client.get(url).context["form"]
    assert form.initial == {"note": "Synthetic starting note"}
    assert form.fields["who"].choices == [(officer.email, officer.email)]
    response = client.post(url, {"note": "Synthetic", "who": officer.email})
    assert response.status_code == 302
    assert notes_saved == [(officer, None, "Synthetic")]


def test_a_page_without_any_success_address_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="success_url or a result_url"):
        form_view(
            NoteForm,
            lambda user, agency, form: agency,
            Words("Nowhere", "Save"),
            fetch=partial(permissions.get_agency_for_user_or_404, write=True),
            breadcrumbs=_agency_crumbs,
        )


def test_read_fetch_lets_a_read_only_member_see_the_page_but_not_post(
    client: Client, member_readonly: User, agency: Agency
) -> None:
    client.force_login(member_readonly)
    url = reverse("test_note_read_first", args=[agency.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"note": "A synthetic note"}).status_code == 403
    assert notes_saved == []


def test_read_fetch_still_hides_the_record_from_an_outsider(
    client: Client, outsider: User, agency: Agency
) -> None:
    client.force_login(outsider)
    assert client.get(reverse("test_note_read_first", args=[agency.pk])).status_code == 404


def test_opened_runs_on_get_only_and_context_and_crumb_come_from_user_and_record(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_note_read_first", args=[agency.pk])
    response = client.get(url)
    assert opened_by == [(officer, agency)]
    assert response.context["signed_in"] == officer.email
    assert response.context["agency"] == agency
    assert response.context["breadcrumbs"][-1] == ("Note on Synthetic Health Trust", "")
    response = client.post(url, {"note": "A synthetic note"})
    assert response.status_code == 302
    assert opened_by == [(officer, agency)]
    assert notes_saved == [(officer, agency, "A synthetic note")]


def test_on_error_adds_context_when_the_service_refuses(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    url = reverse("test_note_read_first", args=[agency.pk])
    assert "refused_for" not in client.get(url).context
    response = client.post(url, {"note": "refuse"})
    assert response.status_code == 200
    assert response.context["refused_for"] == officer.email
    assert response.context["form"].errors["note"] == ["That note is refused."]


def test_a_create_page_takes_context_from_the_request_and_context_from_errors(
    client: Client, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("test_note_listed")
    response = client.get(url + "?page=2")
    assert response.context["page"] == "2"
    assert "refused_for" not in response.context
    response = client.post(url, {"note": "refuse"})
    assert response.status_code == 200
    assert response.context["refused_for"] == officer.email
    response = client.post(url, {"note": "Synthetic"})
    assert response.status_code == 302
    assert notes_saved == [(officer, None, "Synthetic")]

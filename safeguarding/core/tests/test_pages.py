"""core.pages: the one form page and the breadcrumb trail, through the test client on a tiny
view in this module (an agency's sector, saved by the real partnership service)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path, reverse

from safeguarding.accounts.models import User
from safeguarding.core.forms import VersionField
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Trail, cleaned, form_page, initial_from
from safeguarding.partnership import permissions, services
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("safeguarding.core.tests.test_pages")]

CRUMBS = Trail("Partnership", "partnership:overview")


class SectorForm(forms.Form):
    sector = forms.ChoiceField(choices=Agency.Sector.choices)
    version = VersionField()


def _refuse(error: ValidationError) -> Any:
    def save(form: SectorForm) -> Agency:
        raise error

    return save


@login_required
def sector_update(request: AuthenticatedHttpRequest, pk: int, refuse: str = "") -> HttpResponse:
    agency = permissions.get_agency_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    refusals = {
        "field": ValidationError({"sector": "That sector is closed."}),
        "form": ValidationError("The agency is locked."),
    }
    save = (
        _refuse(refusals[refuse])
        if refuse
        else lambda form: services.agency_update(
            actor=request.user,
            agency=agency,
            expected_version=form.cleaned_data["version"],
            **cleaned(form),
        )
    )
    return form_page(
        request,
        form_class=SectorForm,
        initial=initial_from(agency, SectorForm),
        record=agency,
        save=save,
        success_message=lambda agency: f"{agency.name} is now {agency.get_sector_display()}.",
        success_url=lambda agency: reverse("partnership:agency_detail", args=[agency.pk]),
        title=f"Change the sector of {agency.name}",
        submit="Save sector",
        breadcrumbs=CRUMBS(
            ("Agencies", reverse("partnership:agency_list")), ("Change the sector", "")
        ),
    )


urlpatterns = [
    path("test-pages/<int:pk>/", sector_update, name="test_sector_update"),
    path("test-pages/<int:pk>/<str:refuse>/", sector_update, name="test_sector_refuse"),
    path("", include("config.urls")),
]


@pytest.fixture
def agency() -> Agency:
    return AgencyFactory.create(name="Synthetic Health Trust", sector=Agency.Sector.HEALTH)


def _url(agency: Agency, refuse: str = "") -> str:
    if refuse:
        return reverse("test_sector_refuse", args=[agency.pk, refuse])
    return reverse("test_sector_update", args=[agency.pk])


def test_trail_builds_home_then_the_app_then_the_extras() -> None:
    assert CRUMBS(("Agencies", "/partnership/agencies/"), ("Add", "")) == [
        ("Home", reverse("core:home")),
        ("Partnership", reverse("partnership:overview")),
        ("Agencies", "/partnership/agencies/"),
        ("Add", ""),
    ]
    assert CRUMBS() == [("Home", "/"), ("Partnership", "/partnership/")]


def test_trail_passes_its_arguments_to_the_app_page(agency: Agency) -> None:
    trail = Trail("An agency", "partnership:agency_detail", agency.pk)
    assert trail()[1] == ("An agency", f"/partnership/agencies/{agency.pk}/")


def test_initial_from_takes_the_form_fields_the_record_has_and_its_version(
    agency: Agency,
) -> None:
    assert initial_from(agency, SectorForm) == {"sector": "health", "version": 1}
    assert initial_from(agency, SectorForm, sector="fire")["sector"] == "fire"


def test_get_renders_the_form_unbound_with_the_record_values(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.get(_url(agency))
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_bound
    content = response.content.decode()
    assert "There is a problem" not in content
    assert '<h1 class="govuk-heading-xl">Change the sector of Synthetic Health Trust</h1>' in (
        content
    )
    assert '<option value="health" selected>' in content
    assert 'name="version" value="1"' in content
    assert f'<a class="govuk-link" href="{reverse("partnership:agency_list")}">Cancel</a>' in (
        content
    )


def test_invalid_post_shows_the_error_summary_and_saves_nothing(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_url(agency), {"sector": "nonsense", "version": 1})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: " in content
    assert 'class="govuk-error-summary"' in content
    assert "There is a problem" in content
    assert 'href="#id_sector"' in content
    agency.refresh_from_db()
    assert (agency.sector, agency.version) == ("health", 1)


def test_a_service_error_for_a_field_lands_on_that_field(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_url(agency, "field"), {"sector": "police", "version": 1})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["sector"] == ["That sector is closed."]
    assert not form.non_field_errors()
    assert '<a href="#id_sector">That sector is closed.</a>' in response.content.decode()


def test_a_service_error_for_the_whole_form_heads_the_summary(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_url(agency, "form"), {"sector": "police", "version": 1})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() == ["The agency is locked."]
    assert "sector" not in form.errors
    assert "<li>The agency is locked.</li>" in response.content.decode()


def test_success_shows_the_message_and_redirects(
    client: Client, officer: User, agency: Agency
) -> None:
    client.force_login(officer)
    response = client.post(_url(agency), {"sector": "police", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:agency_detail", args=[agency.pk])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Synthetic Health Trust is now Police."
    ]
    agency.refresh_from_db()
    assert (agency.sector, agency.version) == ("police", 2)


def test_an_edit_conflict_refreshes_the_version_so_the_second_submit_succeeds(
    client: Client, owner: User, officer: User, agency: Agency
) -> None:
    # Someone else saves while the officer has the form open at version 1.
    services.agency_update(actor=owner, agency=agency, expected_version=1, sector="police")
    client.force_login(officer)
    response = client.post(_url(agency), {"sector": "fire", "version": 1})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this record" in content
    assert "Sector is now “Police”" in content
    assert response.context["form"].data["version"] == "2"
    assert 'name="version" value="2"' in content
    agency.refresh_from_db()
    assert agency.sector == "police"
    # Submitting again with the refreshed version, knowing the other change, succeeds.
    response = client.post(_url(agency), {"sector": "fire", "version": 2})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.sector, agency.version) == ("fire", 3)

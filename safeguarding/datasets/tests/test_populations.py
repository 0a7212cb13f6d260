"""Populations: entered once per area and year with a source; corrections are version-checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.testing import ViewMatrix
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import services, verbs
from safeguarding.datasets.models import Population
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
YEAR = ReportingYear(2020)


@pytest.fixture
def population(area: Area) -> Population:
    return services.population_create(
        actor=None, area=area, year=YEAR, children=120_000, source="Synthetic estimate"
    )


def test_create_records_an_event(population: Population) -> None:
    event = ActivityEvent.objects.get(verb=verbs.POPULATION_CREATED)

    assert event.changes["children"] == {"before": None, "after": 120_000}


def test_second_population_for_the_same_year_is_refused(
    area: Area, population: Population
) -> None:
    with pytest.raises(ValidationError, match="already entered"):
        services.population_create(actor=None, area=area, year=YEAR, children=1, source="x")


def test_population_needs_a_source(area: Area) -> None:
    with pytest.raises(ValidationError) as error:
        services.population_create(actor=None, area=area, year=YEAR, children=5, source=" ")

    assert error.value.message_dict == {"source": ["Say where the figure comes from."]}


def test_stale_correction_is_refused(population: Population) -> None:
    started_from = population.version
    services.population_update(
        actor=None,
        population=population,
        children=121_000,
        source="Synthetic estimate",
        expected_version=started_from,
    )

    with pytest.raises(EditConflictError):
        services.population_update(
            actor=None,
            population=Population.objects.get(pk=population.pk),
            children=99_000,
            source="Synthetic estimate",
            expected_version=started_from,
        )

    assert Population.objects.get().children == 121_000


def test_change_page_matrix_and_conflict_message(
    client: Client,
    make_user: Callable[..., User],
    outsider: User,
    member_readonly: User,
    area: Area,
    population: Population,
) -> None:
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory.create(area=area)))
    url = reverse("datasets:population_update", args=[population.pk])
    matrix = ViewMatrix(client, url)
    matrix.allowed(analyst)
    matrix.outsider(outsider)
    matrix.outsider(member_readonly, method="post")  # read-only roles never see populations
    matrix.wrong_method(analyst, "delete")
    stale = {"children": 1000, "source": "Later", "version": population.version}
    services.population_update(
        actor=None, population=population, children=2, source="First", expected_version=None
    )

    response = matrix.allowed(analyst, method="post", data=stale)

    assert "Someone else saved this record" in response.content.decode()
    assert Population.objects.get().children == 2


def test_change_page_resubmitted_after_a_conflict_is_saved(
    client: Client, make_user: Callable[..., User], area: Area, population: Population
) -> None:
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory.create(area=area)))
    client.force_login(analyst)
    url = reverse("datasets:population_update", args=[population.pk])
    started_from = population.version
    first = {"children": 2, "source": "First", "version": started_from}
    second = {"children": 1000, "source": "Later", "version": started_from}
    assert client.post(url, first).status_code == 302

    conflict = client.post(url, second)

    assert "Someone else saved this record" in conflict.content.decode()
    refreshed = conflict.context["form"]
    assert str(refreshed.data["version"]) == str(started_from + 1)
    assert client.post(url, {**second, "version": refreshed.data["version"]}).status_code == 302
    population.refresh_from_db()
    assert (population.children, population.source) == (1000, "Later")

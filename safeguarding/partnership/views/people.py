"""People and the roles they hold (partnership administrators only).

The person's page is a form page (granting a role) that shows the roles held above the form.
Form page: not used for the people list: its search is a GET form (nothing is saved).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, form_view
from safeguarding.core.paging import filter_query
from safeguarding.core.permissions import require
from safeguarding.partnership import forms, permissions, selectors, services
from safeguarding.partnership.views.common import CRUMBS, page_of

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


@login_required
@require_GET
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_manage_people(request.user))
    form = forms.PersonSearchForm(request.GET or None)
    search = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    page = page_of(request, selectors.person_list(search=search))
    return render(
        request,
        "partnership/person_list.html",
        {
            "form": form,
            "page_obj": page,
            "query": filter_query(request, keep=("q",)),
            "breadcrumbs": CRUMBS(("People", "")),
        },
    )


def _person_url(person: User) -> str:
    return reverse("partnership:person_detail", args=[person.pk])


def _person_crumbs(person: User, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(("People", reverse("partnership:person_list")), crumb)


# The person's page: anyone who may see them reads it (a write only on POST), and it shows
# what the signed-in administrator may do to them.
person_detail = form_view(
    forms.RoleGrantForm,
    lambda user, person, form: services.role_grant(actor=user, user=person, **form.cleaned_data),
    fetch=partial(permissions.get_person_for_user_or_404, write=True),
    read_fetch=permissions.get_person_for_user_or_404,
    success_message=lambda person: f"The role has been granted to {person.display_name}.",
    success_url=_person_url,
    title=lambda person: person.display_name,
    caption="Person",
    submit="Grant role",
    template="partnership/person_detail.html",
    context=lambda user, person: {
        "person": person,
        "grants": selectors.role_grant_list_for_person(person=person),
        "can_deactivate": permissions.can_deactivate_person(user, person),
    },
    breadcrumbs=_person_crumbs,
)


@login_required
@require_POST
def role_revoke(request: AuthenticatedHttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    grant = permissions.get_role_grant_for_user_or_404(
        request.user, grant_pk, person_pk=pk, write=True
    )
    person = grant.user
    return button_post(
        request,
        lambda: services.role_revoke(actor=request.user, grant=grant),
        done=f"The role has been removed from {person.display_name}.",
        to=reverse("partnership:person_detail", args=[person.pk]),
    )


# A leaver is deactivated, never deleted: the activity log keeps pointing at them.
person_deactivate = form_view(
    forms.PersonDeactivateForm,
    lambda user, person, form: services.person_deactivate(actor=user, person=person),
    fetch=partial(permissions.get_person_for_user_or_404, write=True),
    success_message=lambda person: f"{person.display_name}'s account has been deactivated.",
    success_url=_person_url,
    title=lambda person: f"Deactivate {person.display_name}'s account",
    intro=(
        "They will no longer be able to sign in and will hold no roles. The account is "
        "kept, so the activity log still shows what they did."
    ),
    submit="Deactivate account",
    breadcrumbs=lambda person, crumb: CRUMBS(
        ("People", reverse("partnership:person_list")),
        (person.display_name, _person_url(person)),
        crumb,
    ),
    crumb="Deactivate",
)

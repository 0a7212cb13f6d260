"""The independent scrutineer's report, in parts: one per scrutiny theme assessed in the year
(with its judgement) and a conclusion, each written in the report editor. The parts are shown
in the section keyed "scrutineer".

Form page: not used for setting the parts up, a one-button POST.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_http_methods, require_POST

from safeguarding.annual_reports import forms, permissions, selectors, services
from safeguarding.annual_reports.views.common import EditionList
from safeguarding.annual_reports.views.editor import editor_page
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, calls_on, initial_from

PARTS = EditionList("The scrutineer's report", "annual_reports:scrutineer_part_list")


scrutineer_part_list = PARTS.list_view(
    "annual_reports/scrutineer_part_list.html", parts=selectors.scrutineer_part_list
)


@login_required
@require_POST
def scrutineer_parts_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    edition = permissions.get_edition_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.scrutineer_parts_create(actor=request.user, edition=edition),
        done=lambda parts: f"The scrutineer's report has {len(parts)} parts to write.",
        to=PARTS.url(edition),
    )


# A function: the report editor (editor_page) also answers its Preview button.
@login_required
@require_http_methods(GET_POST)
def scrutineer_part_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    part = permissions.get_scrutineer_part_for_user_or_404(request.user, pk, write=True)
    return editor_page(
        request,
        edition=part.edition,
        form_class=forms.ScrutineerPartForm,
        initial=initial_from(part, forms.ScrutineerPartForm),
        record=part,
        save=calls_on(
            services.scrutineer_part_update, actor=request.user, part=part, versioned=True
        ),
        success_message="The part has been saved.",
        success_url=PARTS.url(part.edition),
        cancel_url=PARTS.url(part.edition),
        title=f"Change “{part.title}”",
        submit="Save the part",
        intro=f"Judgement: {part.judgement}" if part.judgement else "",
        breadcrumbs=PARTS.trail(part.edition, (part.title, "")),
    )

"""The datasets app's "My work" card (registered in DatasetsConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import dateformat

from safeguarding.core.registry import Card, CardItem
from safeguarding.datasets import permissions, selectors
from safeguarding.datasets.models import ImportBatch

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CARD_LIMIT = 10
_ATTENTION = (
    ImportBatch.Status.AWAITING_CONFIRMATION,
    ImportBatch.Status.AWAITING_APPROVAL,
    ImportBatch.Status.FAILED,
)


def imports_card(user: User) -> Card | None:
    """For people who import returns: imports waiting for a check or an approval, and failed ones
    from the
    last ten imports (so a failed background job is seen)."""
    if not user.is_authenticated or not permissions.can_import(user):
        return None
    recent = list(selectors.import_batch_list_for_user(user=user)[:CARD_LIMIT])
    attention = [b for b in recent if b.status in _ATTENTION]
    items = [
        CardItem(
            text=f"Import {b.pk}: {b.get_kind_display() or 'return'} for {b.area.name}",
            url=reverse("datasets:import_detail", args=[b.pk]),
            hint=(
                f"{dateformat.format(b.period_start, 'j F Y')} to "
                f"{dateformat.format(b.period_end, 'j F Y')}"
            ),
            tag=b.get_status_display(),
            tag_colour="govuk-tag--red"
            if b.status == ImportBatch.Status.FAILED
            else "govuk-tag--yellow",
        )
        for b in attention
    ]
    return Card(
        title="Data imports",
        items=items,
        empty_text="No import needs you.",
        link_url=reverse("datasets:import_list"),
        link_text="See all imports",
        count=len(items),
    )

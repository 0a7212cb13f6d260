"""Who may see and change action plans and actions.

* Partnership administrators and business unit officers see every plan and action, and may do
  everything: add and change actions, record progress, record plan reviews.
* An agency safeguarding lead sees their agency's actions (and the plans holding them) and may
  record progress and status on them.
* The person who owns an action sees it (and its plan) and may record progress and status on it.
* Independent scrutineers and board members see every plan and action, and get 403 on any change.
* Anyone else gets 404.

A person holding a read-only role as well as an agency role gets what the agency role allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import READ_ONLY_ROLES
from safeguarding.actions.models import Action, ActionPlan, ActionUpdate
from safeguarding.core.permissions import fetch_for_user_or_404, fetcher, read_fetcher

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def sees_all_actions(user: User) -> bool:
    """Partnership staff and the read-only roles see every plan and action."""
    return user.is_authenticated and (user.is_partnership_staff or user.has_role(*READ_ONLY_ROLES))


def can_view_actions(user: User) -> bool:
    """May use the actions area at all (the "Actions" navigation item, the lists)."""
    if not user.is_authenticated:
        return False
    if sees_all_actions(user) or user.lead_agency_ids:
        return True
    return Action.objects.filter(owner_person=user).exists()


def can_manage_actions(user: User) -> bool:
    """May add actions, change their details and record plan reviews."""
    return user.is_authenticated and user.is_partnership_staff


def can_view_action(user: User, action: Action) -> bool:
    if not user.is_authenticated:
        return False
    return (
        sees_all_actions(user)
        or action.owner_agency_id in user.lead_agency_ids
        or (action.owner_person_id is not None and action.owner_person_id == user.pk)
    )


def can_update_action(user: User, action: Action) -> bool:
    """May record progress and status (staff, the owner agency's lead, the owner person)."""
    if not user.is_authenticated:
        return False
    return (
        user.is_partnership_staff
        or action.owner_agency_id in user.lead_agency_ids
        or (action.owner_person_id is not None and action.owner_person_id == user.pk)
    )


def can_manage_action(user: User, action: Action) -> bool:
    """May change the action's details (wording, owners, due date)."""
    return can_manage_actions(user)


def can_view_action_plan(user: User, plan: ActionPlan) -> bool:
    if not user.is_authenticated:
        return False
    if sees_all_actions(user):
        return True
    from django.db.models import Q

    return plan.actions.filter(
        Q(owner_agency_id__in=user.lead_agency_ids) | Q(owner_person=user)
    ).exists()


def can_manage_action_plan(user: User, plan: ActionPlan) -> bool:
    return can_manage_actions(user)


def can_view_action_update(user: User, update: ActionUpdate) -> bool:
    return can_view_action(user, update.action)


def get_action_for_user_or_404(
    user: User, pk: int, *, write: bool = False, manage: bool = False
) -> Action:
    """write=True: recording progress; manage=True: changing the action's details."""
    return fetch_for_user_or_404(
        user,
        Action.objects.live().select_related("plan", "owner_agency", "owner_person"),
        pk,
        can_view=can_view_action,
        can_edit=can_manage_action if manage else can_update_action,
        write=write or manage,
    )


get_action_plan_for_user_or_404 = fetcher(
    ActionPlan.objects.live().select_related("source_type"),
    can_view=can_view_action_plan,
    can_edit=can_manage_action_plan,
)


# A progress update (for its evidence file): visible to whoever may see its action; progress
# updates are never changed.
get_action_update_for_user_or_404 = read_fetcher(
    ActionUpdate.objects.select_related("action"), can_view=can_view_action_update
)

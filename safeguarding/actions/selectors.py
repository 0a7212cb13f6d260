"""Reads of action plans and actions, always scoped to what the user may see.

Overdue follows the one rule in actions.models: not complete, and either past its due date or
marked overdue. `current_status` (annotated here) is the status every list shows and filters on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Count, F, Model, Q, QuerySet, Value, When
from django.utils import timezone

from safeguarding.actions import permissions
from safeguarding.actions.models import Action, ActionPlan, ActionPlanReview, ActionUpdate

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency

CURRENT_STATUS = "current_status_db"  # the annotation holding each action's current status


def overdue_q(today: date, prefix: str = "") -> Q:
    """The overdue rule as a query: not complete, and marked overdue or past its due date."""
    return ~Q(**{f"{prefix}status": Action.Status.COMPLETE}) & (
        Q(**{f"{prefix}status": Action.Status.OVERDUE}) | Q(**{f"{prefix}due_date__lt": today})
    )


def open_q(prefix: str = "") -> Q:
    return ~Q(**{f"{prefix}status": Action.Status.COMPLETE})


def _scope_q(user: User, prefix: str = "") -> Q | None:
    """None: sees everything. Otherwise the actions this user may see."""
    if permissions.sees_all_actions(user):
        return None
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(**{f"{prefix}owner_agency_id__in": user.lead_agency_ids}) | Q(
        **{f"{prefix}owner_person_id": user.pk}
    )


def _visible_plan_ids(user: User) -> QuerySet[Action, int]:
    scope = _scope_q(user)
    actions = Action.objects.all() if scope is None else Action.objects.filter(scope)
    return actions.values_list("plan_id", flat=True)


def _with_current_status(actions: QuerySet[Action], today: date) -> QuerySet[Action]:
    return actions.annotate(
        **{
            CURRENT_STATUS: Case(
                When(status=Action.Status.COMPLETE, then=Value(Action.Status.COMPLETE)),
                When(overdue_q(today), then=Value(Action.Status.OVERDUE)),
                default=F("status"),
                output_field=CharField(),
            )
        }
    )


def _base(user: User | None, today: date) -> QuerySet[Action]:
    actions = Action.objects.live().select_related("plan", "owner_agency", "owner_person")
    if user is not None:
        scope = _scope_q(user)
        if scope is not None:
            actions = actions.filter(scope)
    return _with_current_status(actions, today)


def action_list_for_user(
    *,
    user: User,
    status: str = "",
    overdue: bool | None = None,
    agency: Agency | int | None = None,
    plan: ActionPlan | None = None,
    mine: bool = False,
    today: date | None = None,
) -> QuerySet[Action]:
    """The actions `user` may see, filtered. `status` filters on the current status (so
    status=OVERDUE includes past-due actions whose stored status is still on track, and
    status=ON_TRACK excludes them); `overdue` True/False keeps only overdue / not overdue;
    `mine` keeps the user's open actions (the "Your actions" card: action_list_owned_by)."""
    today = today or timezone.localdate()
    actions = _base(user, today)
    if mine:
        actions = actions.filter(_mine_q(user)).filter(open_q())
    if status:
        actions = actions.filter(**{CURRENT_STATUS: status})
    if overdue is True:
        actions = actions.filter(overdue_q(today))
    elif overdue is False:
        actions = actions.exclude(overdue_q(today))
    if agency is not None:
        actions = actions.filter(owner_agency_id=getattr(agency, "pk", agency))
    if plan is not None:
        actions = actions.filter(plan=plan)
    return actions.order_by("due_date", "plan_id", "number")


def action_list_for_source(
    *, source: Model, user: User | None = None, today: date | None = None
) -> QuerySet[Action]:
    """The actions on the plan attached to `source` (none if it has no plan), in plan order;
    scoped to `user` when given. For domain apps showing a record's actions."""
    today = today or timezone.localdate()
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    return (
        _base(user, today)
        .filter(plan__source_type=source_type, plan__source_id=source.pk)
        .order_by("number")
    )


def action_plan_for_source(*, source: Model) -> ActionPlan | None:
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=False)
    return ActionPlan.objects.filter(source_type=source_type, source_id=source.pk).first()


def _mine_q(user: User) -> Q:
    return Q(owner_person_id=user.pk) | Q(owner_agency_id__in=user.lead_agency_ids)


def action_list_owned_by(*, user: User, today: date | None = None) -> QuerySet[Action]:
    """ "My actions": open actions the user owns in person, or that belong to an agency they
    are safeguarding lead for. Soonest due first."""
    today = today or timezone.localdate()
    return (
        _with_current_status(
            Action.objects.live().filter(_mine_q(user)).filter(open_q()),
            today,
        )
        .select_related("plan", "owner_agency", "owner_person")
        .order_by("due_date", "plan_id", "number")
    )


def overdue_actions(
    *, user: User | None = None, plan: ActionPlan | None = None, today: date | None = None
) -> QuerySet[Action]:
    today = today or timezone.localdate()
    actions = _base(user, today).filter(overdue_q(today))
    if plan is not None:
        actions = actions.filter(plan=plan)
    return actions.order_by("due_date", "plan_id", "number")


def actions_due_for_review(
    *, plan: ActionPlan | None = None, user: User | None = None, today: date | None = None
) -> QuerySet[Action]:
    """Open, not overdue actions due on or before their plan's next review (or today when the
    plan has no review date): the ones the next review must look at. Overdue actions are
    listed separately by overdue_actions()."""
    today = today or timezone.localdate()
    actions = (
        _base(user, today)
        .filter(open_q())
        .exclude(overdue_q(today))
        .filter(
            Q(plan__next_review_due__isnull=False, due_date__lte=F("plan__next_review_due"))
            | Q(plan__next_review_due__isnull=True, due_date__lte=today)
        )
    )
    if plan is not None:
        actions = actions.filter(plan=plan)
    return actions.order_by("due_date", "plan_id", "number")


def action_plan_list_for_user(
    *,
    user: User,
    today: date | None = None,
    search: str = "",
    review_due: bool = False,
) -> QuerySet[ActionPlan]:
    """The plans `user` may see, with counts of the actions in them that the user may see,
    and their source records fetched in one query per record type (never one per plan).
    `search` matches the title; `review_due` keeps the plans whose review date has come."""
    today = today or timezone.localdate()
    plans = ActionPlan.objects.live().select_related("source_type").prefetch_related("source")
    scope = _scope_q(user, prefix="actions__")
    visible = Q() if scope is None else scope
    if scope is not None:
        plans = plans.filter(pk__in=_visible_plan_ids(user))
    if search:
        plans = plans.filter(title__icontains=search)
    if review_due:
        plans = plans.filter(next_review_due__lte=today)
    return plans.annotate(
        action_count=Count("actions", filter=visible, distinct=True),
        open_count=Count("actions", filter=visible & open_q("actions__"), distinct=True),
        overdue_count=Count(
            "actions", filter=visible & overdue_q(today, "actions__"), distinct=True
        ),
    ).order_by(F("next_review_due").asc(nulls_last=True), "title")


def action_plans_due_for_review(
    *, user: User | None = None, today: date | None = None
) -> QuerySet[ActionPlan]:
    today = today or timezone.localdate()
    plans = ActionPlan.objects.live().filter(next_review_due__lte=today)
    if user is not None and _scope_q(user) is not None:
        plans = plans.filter(pk__in=_visible_plan_ids(user))
    return plans.order_by("next_review_due", "title")


def action_plan_status_counts(
    *, plan: ActionPlan, user: User | None = None, today: date | None = None
) -> dict[str, int]:
    """{current status: number of actions}, every status present (0 when none)."""
    today = today or timezone.localdate()
    counts = dict.fromkeys(Action.Status.values, 0)
    rows = _base(user, today).filter(plan=plan).values(CURRENT_STATUS)
    for row in rows.annotate(n=Count("id")).order_by():
        counts[row[CURRENT_STATUS]] = row["n"]
    return counts


def action_plan_review_list(*, plan: ActionPlan) -> QuerySet[ActionPlanReview]:
    return plan.reviews.select_related("reviewed_by").order_by("-reviewed_on", "-id")


def action_update_list(*, action: Action) -> QuerySet[ActionUpdate]:
    return action.updates.select_related("author").order_by("-created_at", "-id")


@dataclass
class ReviewChanges:
    """What changed on a plan since its last review was recorded (all of it, if none yet)."""

    last_review: ActionPlanReview | None
    since: datetime | None
    updates: list[ActionUpdate] = field(default_factory=list)
    new_actions: list[Action] = field(default_factory=list)

    @property
    def status_changes(self) -> list[ActionUpdate]:
        return [u for u in self.updates if u.status_changed]

    @property
    def is_empty(self) -> bool:
        return not self.updates and not self.new_actions


def changes_since_last_review(
    *, plan: ActionPlan, user: User | None = None, today: date | None = None
) -> ReviewChanges:
    """Progress updates (with their status changes) and actions added since the last review
    was recorded, oldest first; scoped to `user` when given."""
    today = today or timezone.localdate()
    last = plan.reviews.order_by("-created_at", "-id").first()
    since = last.created_at if last else None
    visible_ids = _base(user, today).filter(plan=plan).values("id")
    updates = ActionUpdate.objects.filter(action_id__in=visible_ids).select_related(
        "action", "author"
    )
    new_actions = _base(user, today).filter(plan=plan)
    if since is not None:
        updates = updates.filter(created_at__gt=since)
        new_actions = new_actions.filter(created_at__gt=since)
    return ReviewChanges(
        last_review=last,
        since=since,
        updates=list(updates.order_by("created_at", "id")),
        new_actions=list(new_actions.order_by("number")),
    )


EXPORT_HEADER: Sequence[str] = (
    "Plan",
    "Action number",
    "Action",
    "Owner agency",
    "Owner",
    "Due date",
    "Original due date",
    "Status",
    "Overdue",
    "Completed on",
)


def action_export_rows(
    *, actions: QuerySet[Action], today: date | None = None
) -> Iterator[list[Any]]:
    """One row per action, as a generator reading the actions in chunks (for streaming)."""
    today = today or timezone.localdate()
    return (
        [
            action.plan.title,
            action.number,
            action.description,
            action.owner_agency.name,
            action.owner_person.display_name if action.owner_person else "",
            action.due_date,
            action.original_due_date,
            str(Action.Status(action.status_on(today)).label),
            action.is_overdue_on(today),
            action.completed_on,
        ]
        for action in actions.iterator(chunk_size=500)
    )

"""Who may do what on the public website.

Everyone, signed in or not, reads what is published. Only the partnership's business unit
(administrators and officers) writes; read-only roles (board members, the scrutineer) may also
read the statistics page and the unpublished drafts' list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from safeguarding.case_reviews import permissions as case_review_permissions
from safeguarding.case_reviews import selectors as case_review_selectors
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.core.permissions import fetcher
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership.models import Area, District
from safeguarding.website.models import FrontDoor, Page, Resource, ResourceVersion, Tool

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_manage_website(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_view_website_management(user: User) -> bool:
    return user.is_authenticated and (user.is_partnership_staff or user.is_read_only)


def _manage(user: User, _obj: object) -> bool:
    return can_manage_website(user)


def _view_management(user: User, _obj: object) -> bool:
    return can_view_website_management(user)


get_page_for_user_or_404 = fetcher(Page.objects.all(), can_view=_view_management, can_edit=_manage)


get_resource_for_user_or_404 = fetcher(
    Resource.objects.select_related("topic"), can_view=_view_management, can_edit=_manage
)


get_front_door_for_user_or_404 = fetcher(
    FrontDoor.objects.select_related("area", "district"),
    can_view=_view_management,
    can_edit=_manage,
)


def get_published_page_or_404(slug: str) -> Page:
    """A published page for anyone (drafts are not found, never "forbidden")."""
    page = Page.objects.select_related("topic").filter(slug=slug, is_published=True).first()
    if page is None:
        raise Http404
    return page


def get_published_resource_or_404(slug: str) -> Resource:
    resource = (
        Resource.objects.select_related("topic").filter(slug=slug, is_published=True).first()
    )
    if resource is None:
        raise Http404
    return resource


def get_published_version_or_404(slug: str, number: int) -> ResourceVersion:
    version = (
        ResourceVersion.objects.select_related("resource")
        .filter(resource__slug=slug, resource__is_published=True, number=number)
        .exclude(file="")
        .first()
    )
    if version is None:
        raise Http404
    return version


def get_area_for_concern_or_404(pk: int) -> Area:
    area = Area.objects.active().filter(pk=pk).first()
    if area is None:
        raise Http404
    return area


def get_district_for_concern_or_404(area: Area, pk: int) -> District:
    district = District.objects.active().filter(area=area, pk=pk).first()
    if district is None:
        raise Http404
    return district


def get_published_learning_or_404(pk: int) -> LearningPoint:
    """Learning the partnership has published; anything else is not found."""
    point = (
        LearningPoint.objects.filter(pk=pk, is_published=True).prefetch_related("themes").first()
    )
    if point is None:
        raise Http404
    return point


get_tool_for_user_or_404 = fetcher(
    Tool.objects.select_related("form"), can_view=_view_management, can_edit=_manage
)


def get_published_tool_or_404(slug: str) -> Tool:
    tool = (
        Tool.objects.select_related("form")
        .prefetch_related("outcomes", "rules")
        .filter(slug=slug, is_published=True)
        .first()
    )
    if tool is None:
        raise Http404
    return tool


def get_published_practice_review_or_404(pk: int) -> PracticeReview:
    """A practice review case_reviews marks as published (and not archived); anything else,
    at any stage, is not found."""
    review = case_review_selectors.practice_review_list_published().filter(pk=pk).first()
    if review is None:
        raise Http404
    return review


def get_public_practice_review_report_or_404(pk: int) -> PracticeReview:
    """The published review whose final report is public by case_reviews' own rule
    (`is_practice_review_report_public`); 404 when there is none or it is not public."""
    review = get_published_practice_review_or_404(pk)
    if not practice_review_report_is_public(review):
        raise Http404
    return review


def practice_review_report_is_public(review: PracticeReview) -> bool:
    return case_review_permissions.is_practice_review_report_public(review)

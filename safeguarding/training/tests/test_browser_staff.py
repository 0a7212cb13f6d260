"""Real browser: a business unit officer runs training on the demo data: the management page,
a register, agency statements, validations, the needs survey, the impact report, the public
catalogue and briefings; an agency's safeguarding lead opens their agency's training page from
"My work". Every page is scanned with axe."""

from __future__ import annotations

import re

import pytest

from safeguarding.accounts.roles import Role
from safeguarding.partnership import demo as partnership_demo
from safeguarding.partnership.models import Agency
from safeguarding.training import demo
from safeguarding.training.models import (
    Briefing,
    CourseValidation,
    TrainingNeedsSurvey,
    TrainingSession,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_pages_on_the_demo_data(browser_page, make_user) -> None:
    partnership_demo.seed()
    demo.seed()
    officer = make_user(Role.BUSINESS_UNIT)
    browser_page.sign_in(officer)
    page = browser_page
    webinar = TrainingSession.objects.filter(starts_at__year=2021).order_by("starts_at").first()
    assert webinar is not None

    page.goto("/training/")
    assert page.page.get_by_role("link", name="Child Neglect").is_visible()
    page.goto("/training/manage/")
    page.goto(f"/training/manage/sessions/{webinar.pk}/register/")
    assert page.page.get_by_text("on the register").first.is_visible()
    page.goto("/training/statements/")
    page.goto("/training/validations/")
    page.goto("/training/validations/?status=validated")
    assert page.page.get_by_role("cell", name="Early Years Peterborough").first.is_visible()
    validation = CourseValidation.objects.order_by("id").first()
    assert validation is not None
    page.goto(f"/training/validations/{validation.pk}/")
    survey = TrainingNeedsSurvey.objects.get(year_label="2020-21")
    page.goto(f"/training/needs/{survey.pk}/")
    page.goto("/training/manage/impact/2020-21/")
    assert page.page.get_by_text("attended by 573 people").is_visible()
    page.goto("/training/manage/courses/add/")
    page.press("Add course")
    assert page.page.locator(".govuk-error-summary").is_visible()
    page.goto("/training/manage/sessions/add/")
    page.goto("/training/manage/needs/")
    page.goto("/training/manage/briefings/add/")
    page.goto("/training/briefings/")
    briefing = Briefing.objects.order_by("published_on").first()
    assert briefing is not None
    page.goto(f"/training/briefings/{briefing.pk}/")
    page.goto(f"/training/briefings/{briefing.pk}/complete/")
    page.goto("/training/certificates/verify/")


def test_agency_lead_opens_their_agency_page(browser_page, make_user) -> None:
    partnership_demo.seed()
    demo.seed()
    agency = Agency.objects.filter(training_bookings__isnull=False).order_by("name").first()
    assert agency is not None
    lead = make_user((Role.AGENCY_LEAD, agency))
    browser_page.sign_in(lead)
    page = browser_page
    page.goto("/")
    page.page.get_by_role("link", name=f"Staff training: {agency.name}").click()
    page.check()
    assert page.page.get_by_role("heading", name=agency.name, level=1).is_visible()
    page.page.get_by_role("link", name=re.compile("^Attended")).click()
    page.check()
    assert page.page.locator(".govuk-table__caption").first.inner_text().startswith("Attended")
    page.page.get_by_role("link", name=re.compile("^Charges")).click()
    page.check()

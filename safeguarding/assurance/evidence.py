"""Assurance's evidence for the priorities plan (governance's registry): audits, surveys and
Section 11 findings.

Figures, counted from the records:
* audits, and cases audited: the audits' cases with a completed audit form (`response` set);
* surveys, and survey respondents: the surveys' responses;
* Section 11 findings: a finding is one agency's score on one standard in a Section 11 cycle
  (`Section11Score`); agencies with the finding: the agencies whose return in the same cycle
  scores the same standard below "fully met" (the moderated score if there is one, else the
  agency's own), counted once per agency.

An audit whose `priority` field names the priority counts for it without an evidence link
(`for_priority`), like a training course.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q
from django.urls import reverse

from safeguarding.assurance.models import (
    Audit,
    AuditCase,
    Response,
    Score,
    Section11Score,
)
from safeguarding.governance import evidence


def audit_figures(audits: Sequence[Any]) -> list[evidence.Figure]:
    cases = AuditCase.objects.filter(
        audit__in=[audit.pk for audit in audits], response__isnull=False
    )
    return [
        evidence.Figure("audits", len(audits)),
        evidence.Figure("cases audited", cases.count()),
    ]


def survey_figures(surveys: Sequence[Any]) -> list[evidence.Figure]:
    responses = Response.objects.filter(survey__in=[survey.pk for survey in surveys])
    return [
        evidence.Figure("surveys", len(surveys)),
        evidence.Figure("survey respondents", responses.count()),
    ]


def section11_finding_figures(findings: Sequence[Any]) -> list[evidence.Figure]:
    same_standard = Q(pk__in=[])
    for cycle_id, standard_id in {
        (finding.section11_return.cycle_id, finding.standard_id) for finding in findings
    }:
        same_standard |= Q(section11_return__cycle_id=cycle_id, standard_id=standard_id)
    below = Q(moderated_score__lt=Score.FULLY_MET) | Q(
        moderated_score__isnull=True, self_score__lt=Score.FULLY_MET
    )
    agencies = (
        Section11Score.objects.filter(same_standard)
        .filter(below)
        .values("section11_return__agency")
        .distinct()
        .count()
    )
    return [
        evidence.Figure("Section 11 findings", len(findings)),
        evidence.Figure("agencies with the finding", agencies),
    ]


def register() -> None:
    evidence.register(
        "assurance.audit",
        "Audits",
        audit_figures,
        url=lambda audit: reverse("assurance:audit_detail", args=[audit.pk]),
        for_priority=lambda priority: Audit.objects.filter(priority=priority).order_by(
            "-planned_for", "title"
        ),
        for_priority_note="the audit's priority",
    )
    evidence.register(
        "assurance.survey",
        "Surveys",
        survey_figures,
        url=lambda survey: reverse("assurance:survey_detail", args=[survey.pk]),
    )
    evidence.register(
        "assurance.section11score",
        "Section 11 findings",
        section11_finding_figures,
        url=lambda finding: reverse(
            "assurance:section11_return_detail", args=[finding.section11_return_id]
        ),
        prepare=lambda findings: findings.select_related(
            "section11_return__agency", "section11_return__cycle", "standard"
        ),
        describe=lambda finding: (
            f"{finding.section11_return.cycle}, {finding.section11_return.agency}: "
            f"{finding.standard.text} (score {finding.final_score})"
        ),
    )

from __future__ import annotations

from django.apps import AppConfig


class AnnualReportsConfig(AppConfig):
    name = "safeguarding.annual_reports"
    label = "annual_reports"
    verbose_name = "Annual reports"

    def ready(self) -> None:
        from safeguarding.annual_reports import permissions
        from safeguarding.annual_reports.cards import contribution_card, follow_up_card
        from safeguarding.core.registry import NavItem, register_card, register_nav

        register_nav(
            NavItem(
                key="annual_reports",
                label="Annual reports",
                url_name="annual_reports:report_index",
                visible=permissions.can_view_annual_report,
                order=800,
            )
        )
        register_card("annual_report_follow_up", follow_up_card, order=800)
        register_card("annual_report_contributions", contribution_card, order=810)

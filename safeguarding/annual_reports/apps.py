from __future__ import annotations

from django.apps import AppConfig


class AnnualReportsConfig(AppConfig):
    name = "safeguarding.annual_reports"
    label = "annual_reports"
    verbose_name = "Annual reports"

    def ready(self) -> None:
        from safeguarding.annual_reports import permissions
        from safeguarding.core.registry import NavItem, register_nav

        register_nav(
            NavItem(
                key="annual_reports",
                label="Annual reports",
                url_name="annual_reports:report_index",
                visible=permissions.can_view_annual_report,
                order=800,
            )
        )

from __future__ import annotations

from django.apps import AppConfig


class AnnualReportsConfig(AppConfig):
    name = "safeguarding.annual_reports"
    label = "annual_reports"
    verbose_name = "Annual reports"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from safeguarding.annual_reports import figure_cache, permissions
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
        # A write to any record moves its app's generation on: the yearly report's cached
        # sections that read that app are computed afresh (figure_cache).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(figure_cache.record_written, dispatch_uid=f"figure_cache_{signal}")

"""The training module's configurable values, read from settings with their defaults.

| Setting | Default | Meaning |
|---|---|---|
| TRAINING_OFFER_HOURS | 48 | how long a waiting-list offer stays open before it passes on |
| TRAINING_CANCELLATION_WORKING_DAYS | 3 | free cancellation up to this many working days before |
| TRAINING_NON_ATTENDANCE_CHARGE_PENCE | 5000 | charge to the home agency per no-show |
| TRAINING_REMINDER_DAYS | [14, 5] | reminders are sent this many days before a session |
| TRAINING_IMPACT_SURVEY_DAYS | 91 | the impact survey is sent this many days after the session |
| SITE_URL | "" | the address put in front of links in e-mails and certificates |
"""

from __future__ import annotations

from django.conf import settings


def offer_hours() -> int:
    return int(getattr(settings, "TRAINING_OFFER_HOURS", 48))


def cancellation_working_days() -> int:
    return int(getattr(settings, "TRAINING_CANCELLATION_WORKING_DAYS", 3))


def non_attendance_charge_pence() -> int:
    return int(getattr(settings, "TRAINING_NON_ATTENDANCE_CHARGE_PENCE", 5000))


def reminder_days() -> list[int]:
    return sorted(
        (int(d) for d in getattr(settings, "TRAINING_REMINDER_DAYS", [14, 5])), reverse=True
    )


def impact_survey_days() -> int:
    return int(getattr(settings, "TRAINING_IMPACT_SURVEY_DAYS", 91))


def site_url() -> str:
    return str(getattr(settings, "SITE_URL", "")).rstrip("/")

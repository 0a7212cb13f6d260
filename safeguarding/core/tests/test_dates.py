from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeguarding.core.dates import require_not_future


def test_require_not_future_accepts_today_and_no_date() -> None:
    require_not_future(timezone.localdate(), field="on")
    require_not_future(None, field="on")


def test_require_not_future_rejected_when_the_date_is_to_come() -> None:
    with pytest.raises(ValidationError) as error:
        require_not_future(timezone.localdate() + timedelta(days=1), field="recorded_on")
    assert error.value.message_dict == {"recorded_on": ["The date cannot be in the future."]}

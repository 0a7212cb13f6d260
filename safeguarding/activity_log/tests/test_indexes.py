from __future__ import annotations

import pytest
from django.db import connection

from safeguarding.activity_log.models import ActivityEvent

pytestmark = pytest.mark.django_db


def test_filtered_pages_of_the_log_have_their_indexes() -> None:
    """The keyset pages filtered by verb, kind, person, or person and verb (docs/modules/
    volume.md has the plans on 1,000,000 events)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, ActivityEvent._meta.db_table
        )
    expected = {
        "activity_verb_id_idx": ["verb", "id"],
        "activity_kind_id_idx": ["kind", "id"],
        "activity_actor_id_idx": ["actor_id", "id"],
        "activity_actor_verb_id_idx": ["actor_id", "verb", "id"],
    }
    for name, columns in expected.items():
        assert constraints[name]["index"]
        assert constraints[name]["columns"] == columns

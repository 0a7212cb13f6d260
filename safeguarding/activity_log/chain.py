"""The hash chain: each event's hash covers its own content and the previous event's hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from safeguarding.activity_log.models import ActivityEvent


def event_payload(event: ActivityEvent) -> dict[str, Any]:
    return {
        "previous_hash": event.previous_hash,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "kind": event.kind,
        "verb": event.verb,
        "target_type_id": event.target_type_id,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "changes": event.changes,
        "data": event.data,
        "ip_address": event.ip_address,
    }


def event_hash(event: ActivityEvent) -> str:
    canonical = json.dumps(
        event_payload(event), sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()

"""Activity-log verbs of the public website (`<entity>.<past participle>`)."""

from __future__ import annotations

PAGE_CREATED = "website_page.created"
PAGE_UPDATED = "website_page.updated"
RESOURCE_CREATED = "resource.created"
RESOURCE_UPDATED = "resource.updated"
RESOURCE_VERSION_ADDED = "resource_version.added"
RESOURCE_VERSION_DOWNLOADED = "resource_version.downloaded"
FRONT_DOOR_CREATED = "front_door.created"
FRONT_DOOR_UPDATED = "front_door.updated"
SUBSCRIPTION_REQUESTED = "subscription.requested"
SUBSCRIPTION_CONFIRMED = "subscription.confirmed"
SUBSCRIPTION_CANCELLED = "subscription.cancelled"
TOOL_CREATED = "tool.created"
TOOL_UPDATED = "tool.updated"
TOOL_OUTCOME_ADDED = "tool_outcome.added"
TOOL_RULE_ADDED = "tool_rule.added"

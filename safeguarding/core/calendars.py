"""One event as an iCalendar (.ics) file to download, written with the icalendar library.

The app builds the `icalendar.Event` (its UID stays the same for the record, so downloading it
again updates the entry in the person's calendar instead of adding another); this wraps it in a
published calendar named by the app's product id.
"""

from __future__ import annotations

from icalendar import Calendar, Event


def ics_file(event: Event, *, product_id: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", product_id)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return bytes(calendar.to_ical())

"""The site's own statistics, counted on the server without tracking anyone.

Each view of a public page adds one to that page's counter for the day and to the site's.
A visitor is a daily unique user by a keyed hash of (the day's salt, address, browser); the
salt and the hashes live only in the cache (memory) and expire at midnight, so no address,
browser string or identifier is ever written to the database or to disk. The first view of a
user on a day records where they came from (search engine, social media, direct, other) and
their kind of device (desktop, mobile, tablet), taken from the request headers.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

SEARCH_ENGINES = ("google.", "bing.", "duckduckgo.", "yahoo.", "ecosia.", "baidu.", "yandex.")
SOCIAL = ("facebook.", "twitter.", "t.co", "x.com", "linkedin.", "instagram.", "youtube.",
          "tiktok.", "lnkd.in", "threads.")  # fmt: skip
_BOT = re.compile(r"bot|crawl|spider|slurp|preview|monitor", re.IGNORECASE)
_TABLET = re.compile(r"ipad|tablet|kindle|silk|(android(?!.*mobile))", re.IGNORECASE)
_MOBILE = re.compile(r"mobi|iphone|ipod|android.*mobile|windows phone", re.IGNORECASE)

REFERRER_KINDS = ("search", "social", "direct", "other")
DEVICES = ("desktop", "mobile", "tablet")


def is_bot(user_agent: str) -> bool:
    return bool(_BOT.search(user_agent))


def referrer_kind(referer: str, own_host: str) -> str:
    if not referer:
        return "direct"
    host = (urlsplit(referer).hostname or "").lower()
    if not host or host == own_host.split(":")[0].lower():
        return "direct"
    if any(part in host for part in SEARCH_ENGINES):
        return "search"
    if any(host == s or host.endswith("." + s) or s in host for s in SOCIAL):
        return "social"
    return "other"


def device_class(user_agent: str) -> str:
    if _TABLET.search(user_agent):
        return "tablet"
    if _MOBILE.search(user_agent):
        return "mobile"
    return "desktop"


def _seconds_to_midnight(now: datetime) -> int:
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, local.tzinfo)
    return max(int((midnight - local).total_seconds()), 1)


_SALT: dict[date, bytes] = {}  # this process's copy of today's salt (memory only)


def _day_salt(day: date, ttl: int) -> bytes:
    """The day's salt, shared by every process through the cache and then held by this one
    in memory for the rest of the day (one cache round trip a day, not two a view)."""
    held = _SALT.get(day)
    if held is not None:
        return held
    key = f"website:salt:{day.isoformat()}"
    cache.add(key, secrets.token_hex(32), ttl)
    salt = str(cache.get(key) or secrets.token_hex(32)).encode()
    _SALT.clear()  # yesterday's salt goes
    _SALT[day] = salt
    return salt


def is_first_view_today(*, ip: str, user_agent: str, now: datetime) -> bool:
    """True once a day per visitor. Only an HMAC under the day's salt is held, in memory."""
    day = timezone.localtime(now).date()
    ttl = _seconds_to_midnight(now)
    digest = hmac.new(
        _day_salt(day, ttl), f"{ip}\n{user_agent}".encode(), hashlib.sha256
    ).hexdigest()
    return bool(cache.add(f"website:visitor:{day.isoformat()}:{digest}", 1, ttl))


def page_view_record(
    *, path: str, ip: str, user_agent: str, referer: str, own_host: str, now: datetime
) -> None:
    """Count one view: two atomic upserts that commit together, so concurrent views never lose
    a count (checked under load by bench/website_load.py).

    On PostgreSQL both upserts are one statement (a data-modifying WITH), sent in one round
    trip and committed on its own, and that commit does not wait for the disk
    (synchronous_commit off, for this statement's transaction only, set by `set_config(...,
    true)` in the same statement): a crash could lose the last fraction of a second of page
    views, never corrupt them, and no request waits on a disk flush to be counted. Elsewhere
    (SQLite) they are two statements in one transaction."""
    day = timezone.localtime(now).date()
    first = is_first_view_today(ip=ip, user_agent=user_agent, now=now)
    source = referrer_kind(referer, own_host) if first else ""
    device = device_class(user_agent) if first else ""
    increments = {
        "views": 1,
        "users": int(first),
        "from_search": int(source == "search"),
        "from_social": int(source == "social"),
        "from_direct": int(source == "direct"),
        "from_other": int(source == "other"),
        "desktop": int(device == "desktop"),
        "mobile": int(device == "mobile"),
        "tablet": int(device == "tablet"),
    }
    columns = ", ".join(increments)
    placeholders = ", ".join(["%s"] * len(increments))
    updates = ", ".join(f"{c} = website_siteday.{c} + excluded.{c}" for c in increments)
    page_upsert = (
        "INSERT INTO website_pageviewday (day, path, views) VALUES (%s, %s, 1) "
        "ON CONFLICT (day, path) DO UPDATE SET views = website_pageviewday.views + 1"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            quick = "WITH quick AS (SELECT set_config('synchronous_commit', 'off', true)), "
            site = f"INSERT INTO website_siteday (day, {columns}) SELECT %s, {placeholders} "  # noqa: S608 - column names are constants
            conflict = f"ON CONFLICT (day) DO UPDATE SET {updates}"
            both = f"{quick}page AS ({page_upsert}) {site}FROM quick {conflict}"
            cursor.execute(both, [day, path[:300], day, *increments.values()])
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(page_upsert, [day, path[:300]])
        cursor.execute(
            f"INSERT INTO website_siteday (day, {columns}) VALUES (%s, {placeholders}) "  # noqa: S608 - column names are constants
            f"ON CONFLICT (day) DO UPDATE SET {updates}",
            [day, *increments.values()],
        )

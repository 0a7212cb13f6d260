"""The one matrix's vocabulary: who asks (roles), what they may get (expectations), and an entry
per URL name saying how to fill its parameters and what each role gets for GET and POST.

An entry is a list of `Case`s: one per object the URL is tried with ("no object" for list pages,
else e.g. "agency A's action" that agency A's lead may reach and "agency B's action" they may
not). Each case maps every role to the expected answer for GET and for POST.

Write a case with the helper that says its kind, so an entry reads in a line or two:
`same(label, answers, fill)` (GET and POST alike), `read_page` (GET-only, POST 405), `form`
(read-only roles 403 on POST), `action` (POST-only, GET 405), `public_page` (anyone, anonymous
too); `Case(label, get=..., post=...)` only when GET and POST differ otherwise. `answers` is
a named answer (below, or the module's own) or `expect(...)`; `pk("record")` fills `pk`.
A page tried on several records: `on_each(case, ((label, record), ...), answers, ...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from safeguarding.accounts.roles import READ_ONLY_ROLES, STAFF_ROLES, Role

# Expected answers.
OK = "ok"  # 200, or a redirect somewhere other than sign-in (a saved form, a download)
LOGIN = "login"  # a redirect to sign in
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
EXPECTED = (OK, LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED)

ANONYMOUS = "anonymous"
NO_ROLE = "no_role"
# Every asker: anonymous, each role (agency-scoped ones granted for agency A), no role at all.
ROLES: tuple[str, ...] = (ANONYMOUS, *Role.values, NO_ROLE)
SIGNED_IN: tuple[str, ...] = (*Role.values, NO_ROLE)
STAFF = frozenset(str(role) for role in STAFF_ROLES)
READ_ONLY = frozenset(str(role) for role in READ_ONLY_ROLES)
EVERY_ROLE = frozenset(str(role) for role in Role.values)

Expectations = Mapping[str, str]
Filler = Callable[[Any], Mapping[str, Any]]


def expect(default: str, *groups: tuple[frozenset[str] | set[str] | str, str]) -> dict[str, str]:
    """Anonymous -> sign-in, every signed-in asker -> `default`, then each (roles, answer) group
    overrides (later groups win): expect(NOT_FOUND, (STAFF, OK), (READ_ONLY, FORBIDDEN))."""
    answers = {ANONYMOUS: LOGIN, **dict.fromkeys(SIGNED_IN, default)}
    for roles, answer in groups:
        for role in {roles} if isinstance(roles, str) else roles:
            assert role in answers, f"unknown role {role!r}"
            answers[role] = answer
    return answers


def public(default: str = OK) -> dict[str, str]:
    """A public page: everyone, anonymous too, gets `default`."""
    return dict.fromkeys(ROLES, default)


def no_object(world: Any) -> Mapping[str, Any]:
    return {}


def pk(name: str) -> Filler:
    """Fill `pk` with the world's record of that short name."""
    return lambda w: {"pk": w.records[name].pk}


@dataclass(frozen=True)
class Case:
    label: str
    get: Expectations
    post: Expectations
    fill: Filler = no_object

    def __post_init__(self) -> None:
        for method, answers in (("GET", self.get), ("POST", self.post)):
            missing = set(ROLES) - set(answers)
            assert not missing, f"{self.label}: no {method} answer for {sorted(missing)}"
            bad = {answer for answer in answers.values() if answer not in EXPECTED}
            assert not bad, f"{self.label}: unknown answers {bad}"


def entry(*cases: Case) -> tuple[Case, ...]:
    return cases


def same(label: str, answers: Expectations, fill: Filler = no_object) -> Case:
    """GET and POST answer alike (a form page, or a page whose POST is refused as its GET)."""
    return Case(label, get=answers, post=answers, fill=fill)


def public_page(label: str, fill: Filler = no_object, answer: str = OK) -> Case:
    """A public page: everyone, anonymous too, gets `answer` on GET (a draft or unpublished
    record: NOT_FOUND) and 405 on POST."""
    return Case(label, get=public(answer), post=public(NOT_ALLOWED), fill=fill)


def read_page(
    label: str, get: Expectations, fill: Filler = no_object, post: str = NOT_ALLOWED
) -> Case:
    """A GET-only page: POST is 405 for everyone signed in (anonymous: sign-in or 405)."""
    post_answers = dict.fromkeys(SIGNED_IN, post)
    post_answers[ANONYMOUS] = get[ANONYMOUS] if get[ANONYMOUS] != LOGIN else LOGIN
    return Case(label, get=get, post=post_answers, fill=fill)


def form(label: str, allowed: Expectations, fill: Filler = no_object) -> Case:
    """A GET/POST form page: the same rule for both, except read-only roles, who may be shown
    the page (when `allowed` says OK) but get 403 on POST."""
    post = dict(allowed)
    for role in READ_ONLY:
        if post[role] == OK:
            post[role] = FORBIDDEN
    return Case(label, get=allowed, post=post, fill=fill)


def action(label: str, allowed: Expectations, fill: Filler = no_object) -> Case:
    """A POST-only action: GET is 405 (or sign-in for anonymous); POST as `allowed`."""
    get = dict.fromkeys(SIGNED_IN, NOT_ALLOWED)
    get[ANONYMOUS] = LOGIN if allowed[ANONYMOUS] == LOGIN else NOT_ALLOWED
    return Case(label, get=get, post=allowed, fill=fill)


def on_each(
    case: Callable[[str, Expectations, Filler], Case],
    records: Sequence[tuple[str, str]],
    *answers: Expectations,
) -> tuple[Case, ...]:
    """A page about one record, tried on each of `records` ((label, record) pairs, the record
    filling `pk`) with the answers given for it, in the same order: `case` is `same`,
    `read_page`, `form` or `action`. on_each(same, AUDITS, AGENCY_A_STAFF, MANAGE)."""
    return tuple(
        case(label, expected, pk(record))
        for (label, record), expected in zip(records, answers, strict=True)
    )


# Short names for one role as a group in expect(...).
ADMIN = Role.PARTNERSHIP_ADMIN.value
BUSINESS_UNIT = Role.BUSINESS_UNIT.value
CDOP_MANAGER = Role.CDOP_MANAGER.value
CDOP_PANEL = Role.CDOP_PANEL.value
CASE_REVIEW_PANEL = Role.CASE_REVIEW_PANEL.value
LEAD = Role.AGENCY_LEAD.value
PRACTITIONER = Role.PRACTITIONER.value
DATA_ANALYST = Role.DATA_ANALYST.value
SCRUTINEER = Role.SCRUTINEER.value
BOARD_MEMBER = Role.BOARD_MEMBER.value


# Named answers that many entries share (all but the first built on STAFF and READ_ONLY).
# Staff write; read-only roles are refused (403); everyone else gets 404.
STAFF_WRITE = expect(NOT_FOUND, (STAFF, OK), (READ_ONLY, FORBIDDEN))
# Staff only: every other role is refused (403); a person with no role gets 404.
STAFF_ONLY = expect(FORBIDDEN, (STAFF, OK), (NO_ROLE, NOT_FOUND))
# Anyone with a role; a person with no role gets 404.
ANY_ROLE = expect(OK, (NO_ROLE, NOT_FOUND))
# The case team (staff and the case review panel) writes; read-only roles are refused.
CASE_TEAM_WRITE = expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL}, OK), (READ_ONLY, FORBIDDEN))
# The case team and the read-only roles see the record but may not change it (archived,
# published): 403; everyone else 404.
CASE_TEAM_LOCKED = expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL} | READ_ONLY, FORBIDDEN))
# Staff and the read-only roles read; everyone else gets 404.
STAFF_AND_READERS = expect(NOT_FOUND, (STAFF | READ_ONLY, OK))
# Staff write; agency leads and the read-only roles are refused (403).
STAFF_WRITE_LEAD_REFUSED = expect(NOT_FOUND, (STAFF, OK), ({LEAD} | READ_ONLY, FORBIDDEN))
# Staff only read; everyone else gets 404.
STAFF_READ = expect(NOT_FOUND, (STAFF, OK))
# Staff and agency leads; everyone else gets 404.
STAFF_AND_LEAD = expect(NOT_FOUND, (STAFF | {LEAD}, OK))
# Staff, the read-only roles and agency leads (agency A's record) read; everyone else 404.
READERS_AND_LEAD = expect(NOT_FOUND, (STAFF | READ_ONLY | {LEAD}, OK))
# The case team and the read-only roles read; everyone else gets 404.
CASE_TEAM_AND_READERS = expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL} | READ_ONLY, OK))
# Not found for everyone signed in (a record gone, or a file that is not there).
GONE = expect(NOT_FOUND)

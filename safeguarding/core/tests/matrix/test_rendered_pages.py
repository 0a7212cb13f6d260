"""Every page of the matrix world, as the business unit sees it (and anonymous visitors see
the public ones), read for the words people hit every day (issue #15):

- no label reading "(optional) (optional)";
- no date picker of the browser (dates use the GOV.UK date input);
- no link named only "Action 1" or a bare "Change" / "View", and no link text repeated for
  different places, unless visually hidden text says which one
  ("Change<span class="govuk-visually-hidden"> due date</span>");
- a form posted empty never answers "This field is required.": the message names the field.

A page that breaks a rule fails the build with its address and what is wrong.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from safeguarding.core.tests.matrix.registry import ENTRIES
from safeguarding.core.tests.matrix.spec import ANONYMOUS, BUSINESS_UNIT, OK
from safeguarding.core.tests.matrix.world import World

pytestmark = pytest.mark.django_db

# Apps whose forms switch to the GOV.UK date input on another branch: their date pickers are
# let through here (core/tests/test_form_contracts.py keeps the same set, and fails when an
# entry is no longer needed).
DATES_NOT_SWITCHED_YET: frozenset[str] = frozenset()

# Link text that says nothing on its own: it needs visually hidden context.
GENERIC = {
    "change",
    "view",
    "edit",
    "open",
    "remove",
    "delete",
    "download",
    "more",
    "read more",
    "details",
    "here",
    "click here",
    "link",
    "select",
}
NUMBERED = re.compile(r"^(action|item|row|record|link|case|review|question) \d+$", re.I)
NATIVE_DATE = re.compile(r"<input[^>]+type=\"(date|datetime-local|time|month|week)\"", re.I)


class _Links(HTMLParser):
    """Each link's accessible name (its text, visually hidden text included, or aria-label)
    and its address."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, bool]] = []
        self._stack: list[dict[str, Any]] = []
        self._landmarks = 0  # inside <header>, <nav> or <footer>: named by their landmark

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"header", "nav", "footer"}:
            self._landmarks += 1
        if tag == "a":
            values = dict(attrs)
            self._stack.append(
                {
                    "href": values.get("href") or "",
                    "label": values.get("aria-label"),
                    "text": [],
                    "in_landmark": self._landmarks > 0,
                }
            )

    def handle_data(self, data: str) -> None:
        for link in self._stack:
            link["text"].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"header", "nav", "footer"}:
            self._landmarks -= 1
        if tag == "a" and self._stack:
            link = self._stack.pop()
            name = link["label"] or " ".join("".join(link["text"]).split())
            self.links.append((name, link["href"], link["in_landmark"]))


def page_problems(html: str) -> list[str]:
    problems = []
    if "(optional) (optional)" in html:
        problems.append('a label reads "(optional) (optional)"')
    for match in NATIVE_DATE.finditer(html):
        problems.append(f"a native date picker: {match.group(0)[:80]}")
    parser = _Links()
    parser.feed(html)
    places: dict[str, set[str]] = defaultdict(set)
    for name, href, in_landmark in parser.links:
        # In a breadcrumb trail "Action 1" follows its plan: the trail is the context.
        if name.lower() in GENERIC or (NUMBERED.match(name) and not in_landmark):
            problems.append(f"a link named only {name!r} ({href})")
        if not in_landmark:  # navigation and breadcrumbs are told apart by their landmark
            places[name].add(href.split("#")[0])
    for name, hrefs in sorted(places.items()):
        if name and len(hrefs) > 1 and name.lower() not in GENERIC:
            problems.append(f"{len(hrefs)} links to different places all named {name!r}")
    if "This field is required." in html:
        problems.append('an error reads "This field is required." without naming the field')
    return problems


def _get_or_post(client: Any, method: str, url: str) -> Any:
    cache.clear()
    with transaction.atomic():
        response = getattr(client, method)(url, {})
        transaction.set_rollback(True)
    return response


def _is_html(response: Any) -> bool:
    content_type = str(response.get("Content-Type", ""))
    return bool(response.status_code == 200 and content_type.startswith("text/html"))


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_pages_name_things_plainly(world: World, name: str) -> None:
    problems = []
    for case in ENTRIES[name]:
        url = reverse(name, kwargs=dict(case.fill(world)))
        for role in (BUSINESS_UNIT, ANONYMOUS):
            for method, answers in (("get", case.get), ("post", case.post)):
                if answers[role] != OK or (role == ANONYMOUS and answers[BUSINESS_UNIT] == OK):
                    continue
                response = _get_or_post(world.clients[role], method, url)
                if not _is_html(response):
                    continue
                for problem in page_problems(response.content.decode()):
                    if name.split(":")[0] in DATES_NOT_SWITCHED_YET and "date picker" in problem:
                        continue
                    problems.append(f"{method.upper()} {url} as {role}: {problem}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("html", "caught"),
    [
        ("<label>Ends on (optional) (optional)</label>", True),
        ('<input type="date" name="due">', True),
        ('<a href="/actions/1/">Action 1</a>', True),
        ('<a href="/actions/1/">Change</a>', True),
        ('<a href="/a/1/">Open the plan</a><a href="/a/2/">Open the plan</a>', True),
        ("<p>This field is required.</p>", True),
        ('<a href="/a/1/">Change<span class="govuk-visually-hidden"> due date</span></a>', False),
        ('<a href="/a/1/">Plan for Review A</a><a href="/a/2/">Plan for Review B</a>', False),
        ('<a href="/a/1/">Back</a><a href="/a/1/#top">Back</a>', False),
        ('<nav><a href="/x/">Exploitation</a></nav><a href="/t/1/">Exploitation</a>', False),
        ('<nav class="govuk-breadcrumbs"><a href="/actions/1/">Action 1</a></nav>', False),
    ],
)
def test_the_page_rules_can_fail(html: str, caught: bool) -> None:
    assert bool(page_problems(html)) is caught

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from safeguarding.annual_reports import text
from safeguarding.core import markdown


class _Elements(HTMLParser):
    """The elements and attributes of rendered HTML (text, escaped markup included, is not)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href":
                self.hrefs.append(value or "")


VALUES = {"child_deaths.notified": "1,234", "training.attended": "c"}


def _render(body: str) -> text.Rendered:
    return text.render(body, lookup=VALUES.get)


def test_token_is_replaced_by_the_formatted_value() -> None:
    rendered = _render("We were told of {{ child_deaths.notified }} deaths.")
    assert rendered.html == '<p class="govuk-body">We were told of 1,234 deaths.</p>\n'
    assert rendered.errors == []
    assert rendered.tokens == ["child_deaths.notified"]


def test_token_spacing_is_free() -> None:
    assert "1,234" in _render("{{child_deaths.notified}}").html


def test_unknown_token_is_an_error_never_a_blank() -> None:
    rendered = _render("Deaths: {{ child_deaths.notifed }}.")
    assert rendered.errors == ["“{{ child_deaths.notifed }}” is not a figure in the catalogue."]
    assert "[unknown figure: child_deaths.notifed]" in rendered.html


def test_token_errors_lists_each_unknown_key_once() -> None:
    errors = text.token_errors("{{ a.b }} {{ a.b }} {{ child_deaths.notified }}", VALUES)
    assert len(errors) == 1
    assert "a.b" in errors[0]


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://example.org"></iframe>',
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "[x](JaVaScRiPt:alert(1))",
        '<p onclick="alert(1)">hi</p>',
    ],
)
def test_no_raw_html_or_script_survives(body: str) -> None:
    found = _Elements()
    found.feed(_render(body).html)
    assert found.tags <= markdown.ALLOWED_TAGS
    assert not {"script", "iframe", "img"} & found.tags
    assert not [name for name in found.attributes if name.startswith("on")]
    assert not [v for v in found.hrefs if "javascript" in v.lower()]


def test_unknown_token_cannot_inject_html() -> None:
    html = _render("{{ <script>alert(1)</script> }}").html
    assert "<script" not in html


def test_markdown_subset_renders() -> None:
    html = _render("## Heading\n\n- one\n- **two**\n\n[site](https://example.org)").html
    assert '<h2 class="govuk-heading-l">Heading</h2>' in html
    assert "<strong>two</strong>" in html
    link = '<a class="govuk-link" href="https://example.org" rel="noopener noreferrer">site</a>'
    assert link in html

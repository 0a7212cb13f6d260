"""Text people write with formatting: a safe Markdown subset, rendered to clean HTML.

markdown-it-py parses CommonMark with raw HTML switched off (so `<script>` stays text), and nh3
(the Rust `ammonia` sanitiser) then keeps only the tags and attributes listed here, and only
http(s), mailto and relative links. Headings start at level 2 (the page owns the h1). Every
element gets its GOV.UK class, so written text looks like the rest of the page.
"""

from __future__ import annotations

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

_CLASSES = {
    "p": "govuk-body",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "blockquote": "govuk-inset-text",
    "table": "govuk-table",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_NAMES = "|".join(sorted(_CLASSES, key=len, reverse=True))
_TAG = re.compile(rf"<({_NAMES})(\s[^>]*)?>")


def _shift_headings(html: str) -> str:
    # "# Title" in written text becomes an h2: the page's own heading is the only h1.
    for level in (5, 4, 3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{min(level + 1, 4)}>")
        html = html.replace(f"</h{level}>", f"</h{min(level + 1, 4)}>")
    return html


def _add_classes(html: str) -> str:
    def repl(match: re.Match[str]) -> str:
        tag, rest = match.group(1), match.group(2) or ""
        return f'<{tag} class="{_CLASSES[tag]}"{rest}>'

    return _TAG.sub(repl, html)


def markdown_render(text: str, *, shift_headings: bool = True) -> str:
    """Written text as sanitised GOV.UK HTML (a plain string, for callers that post-process it,
    such as the annual report's footnote marks). `shift_headings` makes "#" an h2 (the page
    owns the h1); a document whose own headings are h2 may keep Markdown's levels."""
    raw = _parser.render(text or "")
    if shift_headings:
        raw = _shift_headings(raw)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return _add_classes(clean)


def markdown_to_html(text: str) -> SafeString:
    """Render written text to sanitised GOV.UK HTML (safe to put in a template as it is)."""
    return mark_safe(markdown_render(text))  # noqa: S308 - sanitised by nh3 in markdown_render


def markdown_to_text(text: str) -> str:
    """Plain text of written text, for search and summaries."""
    return nh3.clean(_parser.render(text or ""), tags=set()).strip()

"""Narrative blocks: a safe Markdown subset with figure tokens.

Writers use Markdown (paragraphs, headings, lists, emphasis, links, tables, quotes) and write a
figure as `{{ child_deaths.notified }}`. Rendering substitutes each token with the figure's
formatted value, renders the Markdown with raw HTML switched off (markdown-it-py) and then
sanitises the result with nh3, so no raw HTML, script, event handler or `javascript:` link can
survive. A token that is not in the catalogue is an error: the preview lists it and shows it
marked up, and the service refuses to save it; it never renders as a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt

TOKEN = re.compile(r"\{\{\s*(.*?)\s*\}\}")
# A footnote reference survives Markdown and sanitising as this marker, then becomes a link.
FOOTNOTE_MARK = re.compile(r"\u27e6(\d+)\u27e7")
FOOTNOTE_LINK = (
    r'<sup class="app-footnote-ref"><a class="govuk-link" href="#source-\1" '
    r'aria-label="Source \1">[\1]</a></sup>'
)

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@dataclass
class Rendered:
    html: str
    errors: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)


def tokens_in(text: str) -> list[str]:
    """The figure keys a narrative uses, in order of first use."""
    seen: dict[str, None] = {}
    for match in TOKEN.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def unknown_tokens(text: str, known: Iterable[str]) -> list[str]:
    known_set = set(known)
    return [key for key in tokens_in(text) if key not in known_set]


def token_errors(text: str, known: Iterable[str]) -> list[str]:
    return [
        f"“{{{{ {key} }}}}” is not a figure in the catalogue: choose one from the figure list."
        for key in unknown_tokens(text, known)
    ]


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render(
    text: str,
    *,
    lookup: Callable[[str], str | None],
    cite: Callable[[str], int | None] | None = None,
) -> Rendered:
    """Render a narrative: `lookup(key)` gives a figure's formatted value, or None for a key
    that is not in the catalogue (an error, shown as `[unknown figure: key]`). `cite(key)`
    gives the footnote number of the figure's source, if it has one."""
    errors: list[str] = []
    used: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        value = lookup(key)
        if value is None:
            message = f"“{{{{ {key} }}}}” is not a figure in the catalogue."
            if message not in errors:
                errors.append(message)
            return f"**[unknown figure: {key}]**"
        used.append(key)
        number = cite(key) if cite is not None else None
        return f"{value}\u27e6{number}\u27e7" if number else value

    source = TOKEN.sub(substitute, FOOTNOTE_MARK.sub("", text))
    html = FOOTNOTE_MARK.sub(FOOTNOTE_LINK, sanitise(_markdown.render(source)))
    return Rendered(html=html, errors=errors, tokens=list(dict.fromkeys(used)))

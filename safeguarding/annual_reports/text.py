"""Narrative blocks: a safe Markdown subset with figure tokens.

Writers use Markdown (paragraphs, headings, lists, emphasis, links, tables, quotes) and write a
figure as `{{ child_deaths.notified }}`. Rendering substitutes each token with the figure's
formatted value and renders the Markdown with the platform's one renderer (core.markdown:
markdown-it-py with raw HTML off, then nh3), so no raw HTML, script, event handler or
`javascript:` link can survive. A token that is not in the catalogue is an error: the preview
lists it and shows it marked up, and the service refuses to save it; it never renders as a
blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from safeguarding.core.markdown import markdown_render

TOKEN = re.compile(r"\{\{\s*(.*?)\s*\}\}")
# A footnote reference survives Markdown and sanitising as this marker, then becomes a link.
FOOTNOTE_MARK = re.compile(r"\u27e6(\d+)\u27e7")
FOOTNOTE_LINK = (
    r'<sup class="app-footnote-ref"><a class="govuk-link" href="#source-\1" '
    r'aria-label="Source \1">[\1]</a></sup>'
)


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


def render(
    text: str,
    *,
    lookup: Callable[[str], str | None],
    cite: Callable[[str], int | None] | None = None,
    link: Callable[[str], str] | None = None,
) -> Rendered:
    """Render a narrative: `lookup(key)` gives a figure's formatted value, or None for a key
    that is not in the catalogue (an error, shown as `[unknown figure: key]`). `cite(key)`
    gives the footnote number of the figure's source, if it has one. `link(key)` (signed-in
    pages only) gives the address of the figure's definition: the value becomes a link."""
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
        if link is not None:
            value = f"[{value}]({link(key)})"
        return f"{value}\u27e6{number}\u27e7" if number else value

    source = TOKEN.sub(substitute, FOOTNOTE_MARK.sub("", text))
    # The shared renderer (core.markdown): raw HTML off, nh3, GOV.UK classes. Section titles
    # are the report's h2s, so a writer's "##" stays an h2 inside its section.
    html = FOOTNOTE_MARK.sub(FOOTNOTE_LINK, markdown_render(source, shift_headings=False))
    return Rendered(html=html, errors=errors, tokens=list(dict.fromkeys(used)))

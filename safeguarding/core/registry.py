"""Two small registries that let apps add to shared pages without the shared code knowing them.

* "My work" cards: an app registers a function `(user) -> Card | None` in its AppConfig.ready();
  the home page shows every card that returns something, in `order`.
* Navigation: an app registers a NavItem; the header shows the items the user may use.

Both are filled at start-up only; nothing registers at request time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


@dataclass(frozen=True)
class CardItem:
    text: str
    url: str = ""
    hint: str = ""
    due: str = ""
    tag: str = ""
    tag_colour: str = ""


@dataclass(frozen=True)
class Card:
    title: str
    items: list[CardItem] = field(default_factory=list)
    empty_text: str = "Nothing here at the moment."
    link_url: str = ""
    link_text: str = ""
    count: int | None = None


CardProvider = Callable[["User"], Card | None]


@dataclass(frozen=True)
class _RegisteredCard:
    key: str
    order: int
    provider: CardProvider


_cards: dict[str, _RegisteredCard] = {}


def register_card(key: str, provider: CardProvider, *, order: int = 100) -> None:
    _cards[key] = _RegisteredCard(key=key, order=order, provider=provider)


def cards_for_user(user: User) -> list[Card]:
    cards = []
    for registered in sorted(_cards.values(), key=lambda c: (c.order, c.key)):
        card = registered.provider(user)
        if card is not None:
            cards.append(card)
    return cards


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url_name: str
    visible: Callable[[User], bool]
    order: int = 100


_nav: dict[str, NavItem] = {}


def register_nav(item: NavItem) -> None:
    _nav[item.key] = item


def nav_for_user(user: User) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    items = sorted(_nav.values(), key=lambda i: (i.order, i.key))
    return [item for item in items if item.visible(user)]

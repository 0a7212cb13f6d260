"""#15: a "My work" card's number is the length of the list it opens.

For every registered card (core.registry), for every demo person who gets it: a card that
shows all its items has count == len(items); a card that shows fewer (truncated) links to a
"see all" list that has exactly `count` entries (checked on the list's paginator)."""

from __future__ import annotations

import pytest
from django.test import Client

from safeguarding.accounts.models import User
from safeguarding.core.registry import Card, _cards

pytestmark = pytest.mark.django_db

# Cards of apps other helpers are fixing on their own branches at the same time (#15); the lead
# removes each key here when its fix is merged. Their problems are reported, not failed.
FIXED_ELSEWHERE: set[str] = set()


def card_count_problem(client: Client, user: User, card: Card) -> str:
    """What is wrong with the card's count for `user` (empty when nothing is)."""
    if card.count is None:
        return ""
    shown = len(card.items)
    if card.count < shown:
        return f"says {card.count} but shows {shown} items"
    if card.count == shown:
        return ""
    if not card.link_url:
        return f"says {card.count}, shows {shown} items and links to no list of them all"
    client.force_login(user)
    response = client.get(card.link_url)
    context = response.context or {}
    page = context.get("page_obj") if hasattr(context, "get") else None
    if response.status_code != 200 or page is None:
        return f"says {card.count}; its list {card.link_url} has no paged list to count"
    listed = page.paginator.count
    if listed != card.count:
        return f"says {card.count} but its list {card.link_url} has {listed}"
    return ""


def test_every_card_count_is_the_length_of_its_list(demo_seeded: None, client: Client) -> None:
    problems: list[str] = []
    pending: list[str] = []
    checked = 0
    for user in User.objects.filter(is_active=True).order_by("email"):
        for key, registered in sorted(_cards.items()):
            card = registered.provider(user)
            if card is None or card.count is None:
                continue
            checked += 1
            problem = card_count_problem(client, user, card)
            if problem:
                line = f"{key} for {user.email}: {problem}"
                (pending if key in FIXED_ELSEWHERE else problems).append(line)
    assert checked >= 5, "too few cards with a count: is the demo data still seeded?"
    assert not problems, "cards whose number is not their list's length:\n" + "\n".join(problems)
    if pending:
        pytest.skip("cards fixed on other branches still differ:\n" + "\n".join(pending))


def test_card_count_problem_catches_a_count_longer_than_a_complete_card(client, owner) -> None:
    from safeguarding.core.registry import CardItem

    card = Card(title="Synthetic", items=[CardItem(text="one")], count=3)
    assert "links to no list" in card_count_problem(client, owner, card)
    short = Card(title="Synthetic", items=[CardItem(text="one"), CardItem(text="two")], count=1)
    assert "shows 2 items" in card_count_problem(client, owner, short)
    assert card_count_problem(client, owner, Card(title="x", items=[], count=0)) == ""

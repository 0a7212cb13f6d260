"""core.buttons.button_post: one service behind one button, its refusal or success shown."""

from __future__ import annotations

from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.test import RequestFactory

from safeguarding.core.buttons import button_post


def _post() -> HttpRequest:
    request = RequestFactory().post("/thing/1/close/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _shown(request: HttpRequest) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in get_messages(request)]


def test_the_service_runs_and_its_success_is_shown() -> None:
    request, calls = _post(), []
    response = button_post(request, lambda: calls.append(1), done="Closed.", to="/thing/1/")
    assert calls == [1]
    assert response.status_code == 302
    assert response["Location"] == "/thing/1/"
    assert _shown(request) == [(constants.SUCCESS, "Closed.")]


def test_the_success_can_name_what_the_service_returned() -> None:
    request = _post()
    button_post(request, lambda: 3, done=lambda n: f"{n} people marked.", to="/thing/1/")
    assert _shown(request) == [(constants.SUCCESS, "3 people marked.")]


def test_no_message_when_there_is_none_to_show() -> None:
    request = _post()
    button_post(request, lambda: None, to="/thing/1/")
    assert _shown(request) == []


def test_a_refusal_shows_each_of_its_messages_and_no_success() -> None:
    def refuse() -> None:
        raise ValidationError(["It is already closed.", "Nothing has been changed."])

    request = _post()
    response = button_post(request, refuse, done="Closed.", to="/thing/1/")
    assert response.status_code == 302
    assert response["Location"] == "/thing/1/"
    assert _shown(request) == [
        (constants.ERROR, "It is already closed."),
        (constants.ERROR, "Nothing has been changed."),
    ]

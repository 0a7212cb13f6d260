"""Test helpers shared by every app's tests.

`ViewMatrix` makes the four cases every view test module covers one line each:

    matrix = ViewMatrix(client, url)
    matrix.allowed(owner)                       # 200 on GET
    matrix.outsider(outsider)                   # 404
    matrix.read_only_write(member_readonly)     # 403 on POST
    matrix.wrong_method(owner, "delete")        # 405
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.test import Client

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


class ViewMatrix:
    def __init__(self, client: Client, url: str) -> None:
        self.client = client
        self.url = url

    def _as(self, user: User | None) -> Client:
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return self.client

    def allowed(
        self, user: User, *, method: str = "get", data: Any = None, status: int = 200
    ) -> Any:
        response: Any = getattr(self._as(user), method)(self.url, data or {})
        assert response.status_code == status, (
            f"{method.upper()} {self.url} as an allowed user gave {response.status_code}, "
            f"expected {status}"
        )
        return response

    def outsider(self, user: User, *, method: str = "get", data: Any = None) -> Any:
        response: Any = getattr(self._as(user), method)(self.url, data or {})
        assert response.status_code == 404, (
            f"{method.upper()} {self.url} as an outsider gave {response.status_code}, expected 404"
        )
        return response

    def read_only_write(self, user: User, *, data: Any = None) -> Any:
        response: Any = self._as(user).post(self.url, data or {})
        assert response.status_code == 403, (
            f"POST {self.url} as a read-only user gave {response.status_code}, expected 403"
        )
        return response

    def wrong_method(self, user: User, method: str = "delete") -> Any:
        response: Any = getattr(self._as(user), method)(self.url)
        assert response.status_code == 405, (
            f"{method.upper()} {self.url} gave {response.status_code}, expected 405"
        )
        return response

    def anonymous_redirected(self) -> Any:
        response: Any = self._as(None).get(self.url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        return response

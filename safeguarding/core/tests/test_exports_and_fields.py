from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.db import connection
from openpyxl import load_workbook

from safeguarding.core.exports import (
    csv_response,
    csv_stream_response,
    safe_cell,
    xlsx_response,
    xlsx_stream_response,
)
from safeguarding.core.fields import decrypt, encrypt, keyed_hash
from safeguarding.core.testing import temporary_model


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_like_cells_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_plain_values_are_untouched() -> None:
    assert safe_cell("Neglect") == "Neglect"
    assert safe_cell(42) == 42
    assert safe_cell(None) == ""
    assert safe_cell(True) == "Yes"


def test_csv_export_writes_header_and_escaped_rows() -> None:
    response = csv_response("x.csv", ["Name", "Note"], [["A", "=HYPERLINK()"]])
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Name", "Note"], ["A", "'=HYPERLINK()"]]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_xlsx_export_writes_a_workbook_with_escaped_cells() -> None:
    response = xlsx_response("x.xlsx", ["Name", "Count"], [["=cmd", 3]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == ["'=cmd", 3]


@pytest.mark.parametrize(
    ("make", "filename"),
    [
        (csv_response, "x.csv"),
        (xlsx_response, "x.xlsx"),
        (csv_stream_response, "x.csv"),
        (xlsx_stream_response, "x.xlsx"),
    ],
)
def test_every_export_is_kept_by_no_cache(make: Any, filename: str) -> None:
    """Exports hold sensitive rows: no browser or shared cache may keep a copy."""
    response = make(filename, ["Name"], [["A"]])
    assert response["Cache-Control"] == "private, no-store"
    assert filename in response["Content-Disposition"]


def test_encryption_round_trips_and_hides_the_value() -> None:
    token = encrypt("Synthetic Child")
    assert "Synthetic" not in token
    assert decrypt(token) == "Synthetic Child"


def test_keyed_hash_is_hmac_sha256_of_the_purpose_and_normalised_value(settings) -> None:
    import hashlib
    import hmac

    from safeguarding.core.fields import keyed_hasher

    expected = hmac.new(settings.HASH_KEY.encode(), b"nhs:AB12", hashlib.sha256).hexdigest()
    assert keyed_hash(" ab12 ", purpose="nhs") == expected
    assert keyed_hasher(purpose="nhs")("ab12") == expected
    hasher = keyed_hasher(purpose="child_id:873")  # one hasher, many values, in any order
    values = ["B1", "b2 ", "B1", "A-very-long-identifier" * 10]
    assert [hasher(v) for v in values] == [
        hmac.new(
            settings.HASH_KEY.encode(), f"child_id:873:{v.strip().upper()}".encode(), "sha256"
        ).hexdigest()
        for v in values
    ]


def test_keyed_hasher_gives_the_same_hashes_without_the_c_state(settings, monkeypatch) -> None:
    """Where the HMAC object has no C state to copy (another Python, no OpenSSL), the hasher
    copies the Python object instead: the same hashes."""
    import hmac

    from safeguarding.core import fields

    real_new = hmac.new

    class PythonOnly:
        def __init__(self, inner: hmac.HMAC) -> None:
            self.inner = inner

        def copy(self) -> hmac.HMAC:
            return self.inner.copy()

    monkeypatch.setattr(hmac, "new", lambda *a: PythonOnly(real_new(*a)))
    hasher = fields.keyed_hasher(purpose="child_id:873")
    monkeypatch.undo()
    assert hasher(" b1 ") == fields.keyed_hasher(purpose="child_id:873")("B1")
    assert (
        hasher("B1")
        == real_new(settings.HASH_KEY.encode(), b"child_id:873:B1", "sha256").hexdigest()
    )


def test_keyed_hash_is_stable_normalised_and_purpose_bound() -> None:
    a = keyed_hash(" 943 476 5919 ", purpose="nhs")
    assert a == keyed_hash("943 476 5919", purpose="nhs")
    assert a != keyed_hash("943 476 5919", purpose="child_id")
    assert len(a) == 64


@pytest.mark.django_db(transaction=True)
def test_encrypted_field_is_not_readable_in_the_database() -> None:
    """Round trip through a real column using a temporary model table."""
    from safeguarding.core.fields import EncryptedTextField

    with temporary_model("core", "Secret", value=EncryptedTextField()) as model:
        model._default_manager.create(value="Synthetic Name")
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM core_test_secret")
            stored = cursor.fetchone()[0]
        assert "Synthetic" not in stored
        assert model._default_manager.get().value == "Synthetic Name"


@pytest.mark.django_db(transaction=True)
def test_encryption_rotate_moves_values_to_the_newest_key(settings) -> None:
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from safeguarding.core.fields import EncryptedTextField, _fernet

    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    with temporary_model("core", "Rotated", value=EncryptedTextField()) as model:
        try:
            model._default_manager.create(value="Synthetic Name")
            settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
            _fernet.cache_clear()
            call_command("encryption_rotate", stdout=io.StringIO())
            settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
            _fernet.cache_clear()
            assert model._default_manager.get().value == "Synthetic Name"
        finally:
            _fernet.cache_clear()

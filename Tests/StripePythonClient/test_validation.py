"""Refusals surface as the library's exception classes, with `param` and `code` as Stripe sets them."""

import pytest
import stripe

from conftest import line_item, session_params


def refusal(**params) -> stripe.error.InvalidRequestError:
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(**params)
    error = raised.value
    assert error.http_status == 400
    assert error.json_body["error"]["type"] == "invalid_request_error"
    return error


def test_unknown_parameter():
    error = refusal(**session_params(), colour="blue")
    assert error.param == "colour"
    assert error.code == "parameter_unknown"
    assert "colour" in error.user_message


def test_unknown_nested_parameter_is_named_in_bracket_syntax():
    params = session_params(line_items=[{**line_item(), "colour": "blue"}])
    error = refusal(**params)
    assert error.param == "line_items[0][colour]"
    assert error.code == "parameter_unknown"


def test_missing_mode():
    params = session_params()
    del params["mode"]
    error = refusal(**params)
    assert error.param == "mode"
    assert error.code == "parameter_missing"


def test_payment_mode_without_line_items():
    params = session_params()
    del params["line_items"]
    error = refusal(**params)
    assert error.param == "line_items"
    assert error.code == "parameter_missing"


def test_line_item_without_quantity():
    item = line_item()
    del item["quantity"]
    error = refusal(**session_params(line_items=[item]))
    assert error.param == "line_items[0][quantity]"
    assert error.code == "parameter_missing"


def test_out_of_enum_mode():
    error = refusal(**session_params(mode="banana"))
    assert error.param == "mode"
    assert "banana" in error.user_message or "mode" in error.user_message
    # Stripe names no code for a value outside an enum ("Invalid mode: must be one of payment, setup, or
    # subscription"); the emulator says `parameter_invalid`, which is not among Stripe's documented error codes.
    assert error.code in (None, "parameter_invalid")


def test_client_reference_id_longer_than_200_characters():
    error = refusal(**session_params(client_reference_id="r" * 201))
    assert error.param == "client_reference_id"
    assert error.code in (None, "parameter_invalid")

    # 200 characters is within the limit.
    accepted = stripe.checkout.Session.create(**session_params(client_reference_id="r" * 200))
    assert accepted.client_reference_id == "r" * 200


def test_wrongly_typed_integer():
    item = line_item()
    item["quantity"] = "two"
    error = refusal(**session_params(line_items=[item]))
    assert error.param == "line_items[0][quantity]"


def test_refused_request_creates_nothing(fresh_emulator):
    refusal(**session_params(colour="blue"))
    assert stripe.checkout.Session.list().data == []


def test_bad_api_key_is_an_authentication_error():
    with pytest.raises(stripe.error.AuthenticationError) as raised:
        stripe.checkout.Session.create(**session_params(), api_key="sk_live_not_a_test_key_at_all")
    assert raised.value.http_status == 401

    with pytest.raises(stripe.error.AuthenticationError) as raised:
        stripe.checkout.Session.list(api_key="not-a-key")
    assert raised.value.http_status == 401


def test_missing_api_key_is_refused_by_the_library_itself(emulator):
    stripe.api_key = None
    with pytest.raises(stripe.error.AuthenticationError):
        stripe.checkout.Session.list()
    # And by the emulator, for a request that sends none.
    status, _, body = emulator.raw("GET", "/v1/checkout/sessions")
    assert status == 401
    assert b"invalid_request_error" in body

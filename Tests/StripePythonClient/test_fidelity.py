"""Refusals Stripe makes that the emulator is being taught: redirect URLs that are not absolute http(s) URLs,
over-long idempotency keys, malformed API versions. A well-formed version other than the emulated one is answered
in the emulated one, and the answer's `Stripe-Version` header says which."""

import pytest
import stripe

from conftest import API_VERSION, session_params, unique


@pytest.mark.parametrize("url", ["/orders/1/ok", "not a url", "javascript:alert(1)"])
def test_success_url_must_be_an_absolute_http_url(url):
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(**session_params(success_url=url))
    assert raised.value.http_status == 400
    assert raised.value.param == "success_url"
    assert raised.value.code == "url_invalid"


def test_cancel_url_must_be_an_absolute_http_url():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(**session_params(cancel_url="/cart"))
    assert raised.value.param == "cancel_url"
    assert raised.value.code == "url_invalid"


def test_idempotency_key_of_256_characters_is_refused():
    # stripe-python 6.7.0 does not check the key's length itself: the header is sent as given, so the refusal is
    # the server's.
    key = (unique("idem") * 30)[:256]
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(idempotency_key=key, **session_params())
    assert raised.value.http_status == 400
    # 255 characters is within Stripe's limit.
    longest = (unique("idem") * 30)[:255]
    accepted = stripe.checkout.Session.create(idempotency_key=longest, **session_params())
    assert accepted.last_response.idempotency_key == longest


def test_malformed_api_version_is_refused():
    stripe.api_version = "banana"
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(**session_params())
    assert raised.value.http_status == 400
    with pytest.raises(stripe.error.InvalidRequestError):
        stripe.checkout.Session.list(limit=1)


def test_other_well_formed_version_is_answered_in_the_emulated_one():
    session = stripe.checkout.Session.create(stripe_version="2022-11-15", **session_params())
    assert session.last_response.headers.get("Stripe-Version") == API_VERSION
    listed = stripe.checkout.Session.list(limit=1, stripe_version="2024-06-20")
    assert listed.last_response.headers.get("Stripe-Version") == API_VERSION

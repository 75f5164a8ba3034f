"""Idempotency keys, as the library sends them (`idempotency_key=`), against the emulator's replay rules."""

import pytest
import stripe

from conftest import session_params, unique


def test_same_key_and_parameters_replays_the_first_answer():
    key = unique("idem")
    params = session_params()
    first = stripe.checkout.Session.create(idempotency_key=key, **params)
    again = stripe.checkout.Session.create(idempotency_key=key, **params)

    assert again.id == first.id
    assert again.to_dict_recursive() == first.to_dict_recursive()
    assert first.last_response.headers.get("Idempotent-Replayed") is None
    assert again.last_response.headers.get("Idempotent-Replayed") == "true"


def test_same_key_with_other_parameters_is_an_idempotency_error():
    key = unique("idem")
    params = session_params()
    first = stripe.checkout.Session.create(idempotency_key=key, **params)

    with pytest.raises(stripe.error.IdempotencyError) as raised:
        stripe.checkout.Session.create(idempotency_key=key, **{**params, "client_reference_id": unique("other")})
    assert raised.value.http_status == 400
    assert raised.value.json_body["error"]["type"] == "idempotency_error"
    assert key in raised.value.user_message
    # The first answer is still the one the key replays.
    assert stripe.checkout.Session.create(idempotency_key=key, **params).id == first.id


def test_same_key_on_another_endpoint_is_an_idempotency_error(create_session):
    key = unique("idem")
    session = create_session()
    stripe.checkout.Session.expire(session.id, idempotency_key=key)
    with pytest.raises(stripe.error.IdempotencyError):
        stripe.checkout.Session.create(idempotency_key=key, **session_params())


def test_a_request_refused_by_validation_leaves_the_key_free():
    key = unique("idem")
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.create(idempotency_key=key, **session_params(colour="blue"))
    assert raised.value.code == "parameter_unknown"

    created = stripe.checkout.Session.create(idempotency_key=key, **session_params())
    assert created.id.startswith("cs_test_")
    assert created.last_response.headers.get("Idempotent-Replayed") is None


def test_an_error_from_an_executed_request_is_replayed(emulator, create_session):
    # A refund of more than was paid gets as far as the payment, so its error answer is stored with the key.
    session = create_session()
    emulator.complete(session.id)
    payment_intent = stripe.checkout.Session.retrieve(session.id).payment_intent
    key = unique("idem")
    too_much = {"payment_intent": payment_intent, "amount": session.amount_total + 1}
    with pytest.raises(stripe.error.InvalidRequestError) as first:
        stripe.Refund.create(idempotency_key=key, **too_much)
    assert first.value.code == "amount_too_large"
    assert first.value.headers.get("Idempotent-Replayed") is None
    with pytest.raises(stripe.error.InvalidRequestError) as again:
        stripe.Refund.create(idempotency_key=key, **too_much)
    assert again.value.code == "amount_too_large"
    assert again.value.headers.get("Idempotent-Replayed") == "true"
    # Another key runs the request again, and a valid refund still goes through.
    assert stripe.Refund.create(payment_intent=payment_intent).amount == session.amount_total


def test_keys_are_scoped_per_api_key():
    key = unique("idem")
    params = session_params()
    first = stripe.checkout.Session.create(idempotency_key=key, **params)
    other = stripe.checkout.Session.create(idempotency_key=key, api_key="sk_test_another_account_4242", **params)
    assert other.id != first.id
    assert other.last_response.headers.get("Idempotent-Replayed") is None


def test_library_sends_a_key_of_its_own_on_every_post():
    # Without `idempotency_key=` the library sends a fresh UUID, so two identical creates are two sessions.
    params = session_params()
    first = stripe.checkout.Session.create(**params)
    second = stripe.checkout.Session.create(**params)
    assert first.id != second.id
    assert second.last_response.headers.get("Idempotent-Replayed") is None

"""Refunds of a session's payment, after the emulator's control endpoint has completed the session."""

import pytest
import stripe

from conftest import unique


@pytest.fixture
def paid_session(emulator, create_session):
    session = create_session()
    emulator.complete(session.id)
    paid = stripe.checkout.Session.retrieve(session.id)
    assert paid.payment_status == "paid"
    return paid


def test_full_refund_by_payment_intent(paid_session):
    refund = stripe.Refund.create(payment_intent=paid_session.payment_intent)

    assert isinstance(refund, stripe.Refund)
    assert refund.object == "refund"
    assert refund.id.startswith("re_")
    assert refund.amount == paid_session.amount_total
    assert refund.currency == "usd"
    assert refund.payment_intent == paid_session.payment_intent
    assert refund.status == "succeeded"


def test_partial_refunds_then_listing_by_payment_intent(paid_session):
    first = stripe.Refund.create(payment_intent=paid_session.payment_intent, amount=1000,
                                 reason="requested_by_customer", metadata={"ticket": "T-1"})
    second = stripe.Refund.create(payment_intent=paid_session.payment_intent, amount=500)
    assert first.reason == "requested_by_customer"
    assert first.metadata.to_dict() == {"ticket": "T-1"}

    listed = stripe.Refund.list(payment_intent=paid_session.payment_intent)
    assert listed.url == "/v1/refunds"
    assert [refund.id for refund in listed.data] == [second.id, first.id]
    assert sum(refund.amount for refund in listed.data) == 1500

    paged = list(stripe.Refund.list(payment_intent=paid_session.payment_intent, limit=1).auto_paging_iter())
    assert [refund.id for refund in paged] == [second.id, first.id]


def test_refunding_more_than_is_left_is_amount_too_large(paid_session):
    stripe.Refund.create(payment_intent=paid_session.payment_intent, amount=paid_session.amount_total - 100)
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent=paid_session.payment_intent, amount=101)
    assert raised.value.http_status == 400
    assert raised.value.code == "amount_too_large"
    assert raised.value.param == "amount"
    # What is left can still be refunded.
    assert stripe.Refund.create(payment_intent=paid_session.payment_intent).amount == 100


def test_refunding_a_fully_refunded_payment_is_charge_already_refunded(paid_session):
    stripe.Refund.create(payment_intent=paid_session.payment_intent)
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent=paid_session.payment_intent)
    assert raised.value.http_status == 400
    assert raised.value.code == "charge_already_refunded"


def test_refund_of_unknown_payment_intent_is_resource_missing():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent="pi_" + unique("missing"))
    assert raised.value.http_status == 404
    assert raised.value.code == "resource_missing"
    assert raised.value.param == "payment_intent"


def test_refund_without_charge_or_payment_intent_is_refused():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.Refund.create(amount=100)
    assert raised.value.http_status == 400


def test_refund_of_an_unpaid_session_is_refused(emulator, create_session):
    session = create_session()
    emulator.complete(session.id, delayed="true")
    unpaid = stripe.checkout.Session.retrieve(session.id)
    assert unpaid.status == "complete" and unpaid.payment_status == "unpaid"
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent=unpaid.payment_intent)
    assert raised.value.http_status == 400
    assert raised.value.param == "payment_intent"

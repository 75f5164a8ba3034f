"""Events the emulator posts to --webhook-url, verified with the library's own `stripe.Webhook`."""

import json

import pytest
import stripe

from conftest import WEBHOOK_SECRET


def test_completing_a_session_delivers_a_verifiable_checkout_session_completed(emulator, webhooks, create_session):
    session = create_session()
    emulator.complete(session.id, email="hooks@example.com")
    headers, payload = webhooks.wait_for("checkout.session.completed", session.id)

    assert headers.get("content-type", "").startswith("application/json")
    event = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    assert isinstance(event, stripe.Event)
    assert event.type == "checkout.session.completed"
    assert event.id.startswith("evt_")
    assert event.livemode is False
    completed = event.data.object
    assert isinstance(completed, stripe.checkout.Session)
    assert completed.id == session.id
    assert completed.status == "complete"
    assert completed.payment_status == "paid"
    assert completed.client_reference_id == session.client_reference_id
    assert completed.metadata.to_dict() == session.metadata.to_dict()
    assert completed.customer_details.email == "hooks@example.com"


def test_event_api_version_is_the_pinned_one(emulator, webhooks, create_session):
    session = create_session()
    emulator.complete(session.id)
    _, payload = webhooks.wait_for("checkout.session.completed", session.id)
    assert json.loads(payload)["api_version"] == "2023-08-16"


def test_expiring_a_session_delivers_checkout_session_expired(webhooks, create_session):
    session = create_session()
    stripe.checkout.Session.expire(session.id)
    headers, payload = webhooks.wait_for("checkout.session.expired", session.id)
    event = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    assert event.data.object.status == "expired"


def test_delayed_payment_settling_delivers_async_payment_events(emulator, webhooks, create_session):
    succeeded = create_session()
    failed = create_session()
    for session in (succeeded, failed):
        emulator.complete(session.id, delayed="true")
    emulator.control(f"/_emulator/checkout/sessions/{succeeded.id}/async_payment", outcome="succeeded")
    emulator.control(f"/_emulator/checkout/sessions/{failed.id}/async_payment", outcome="failed")

    for session, event_type, payment_status in (
        (succeeded, "checkout.session.async_payment_succeeded", "paid"),
        (failed, "checkout.session.async_payment_failed", "unpaid"),
    ):
        headers, payload = webhooks.wait_for(event_type, session.id)
        event = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
        assert event.data.object.payment_status == payment_status


def test_a_tampered_payload_fails_verification(emulator, webhooks, create_session):
    session = create_session()
    emulator.complete(session.id)
    headers, payload = webhooks.wait_for("checkout.session.completed", session.id)
    signature = headers["stripe-signature"]

    tampered = payload.decode("utf-8").replace('"paid"', '"unpaid"', 1)
    assert tampered != payload.decode("utf-8")
    with pytest.raises(stripe.error.SignatureVerificationError):
        stripe.Webhook.construct_event(tampered, signature, WEBHOOK_SECRET)

    with pytest.raises(stripe.error.SignatureVerificationError):
        stripe.Webhook.construct_event(payload.decode("utf-8"), signature, "whsec_some_other_secret")

    # The untouched payload still verifies.
    assert stripe.Webhook.construct_event(payload.decode("utf-8"), signature, WEBHOOK_SECRET).data.object.id == session.id


def test_signature_header_has_stripes_shape(emulator, webhooks, create_session):
    session = create_session()
    emulator.complete(session.id)
    headers, payload = webhooks.wait_for("checkout.session.completed", session.id)
    parts = dict(part.split("=", 1) for part in headers["stripe-signature"].split(","))
    assert parts["t"].isdigit()
    assert len(parts["v1"]) == 64
    assert stripe.WebhookSignature.verify_header(payload.decode("utf-8"), headers["stripe-signature"],
                                                 WEBHOOK_SECRET, tolerance=300)

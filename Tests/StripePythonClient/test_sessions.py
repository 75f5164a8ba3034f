"""Checkout Sessions through Stripe's Python library: create, retrieve, expand, list and page, line items,
expire."""

import pytest
import stripe

from conftest import line_item, session_params, unique


def test_create_payment_session(create_session):
    reference = unique("order")
    session = create_session(client_reference_id=reference)

    assert isinstance(session, stripe.checkout.Session)
    assert session.object == "checkout.session"
    assert session.id.startswith("cs_test_")
    assert session.mode == "payment"
    assert session.status == "open"
    assert session.payment_status == "unpaid"
    assert session.client_reference_id == reference
    assert session.metadata.to_dict() == {"order_id": "1", "channel": "python-suite"}
    assert session.currency == "usd"
    assert session.amount_subtotal == 2 * 1500 + 900
    assert session.amount_total == 2 * 1500 + 900
    assert session.livemode is False
    assert session.url.endswith("/c/pay/" + session.id)
    assert session.expires_at > session.created
    assert session.success_url == "https://shop.example/orders/1/ok?session={CHECKOUT_SESSION_ID}"
    # Not expanded unless asked for.
    assert "line_items" not in session


def test_answers_carry_stripes_headers(create_session):
    session = create_session()
    response = session.last_response
    assert response is not None
    assert response.code == 200
    assert response.request_id and response.request_id.startswith("req_")
    assert response.headers.get("Stripe-Version") == "2023-08-16"


def test_retrieve_returns_the_same_session(create_session):
    created = create_session()
    retrieved = stripe.checkout.Session.retrieve(created.id)

    assert retrieved.id == created.id
    assert retrieved.to_dict_recursive() == created.to_dict_recursive()


def test_retrieve_unknown_session_is_resource_missing():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.retrieve("cs_test_doesnotexist")
    assert raised.value.http_status == 404
    assert raised.value.code == "resource_missing"


def test_expand_line_items_on_retrieve_and_create(create_session):
    created = create_session()
    retrieved = stripe.checkout.Session.retrieve(created.id, expand=["line_items"])

    items = retrieved.line_items
    assert items.object == "list"
    assert items.url == f"/v1/checkout/sessions/{created.id}/line_items"
    assert [item.description for item in items.data] == ["T-shirt", "Mug"]
    assert [item.quantity for item in items.data] == [2, 1]
    assert [item.amount_total for item in items.data] == [3000, 900]
    assert all(item.object == "item" for item in items.data)
    assert all(item.price.unit_amount in (1500, 900) for item in items.data)

    expanded_at_creation = stripe.checkout.Session.create(**session_params(), expand=["line_items"])
    assert len(expanded_at_creation.line_items.data) == 2


def test_list_line_items_pages_with_auto_paging(create_session):
    session = create_session(line_items=[line_item(f"Item {n}", 100 * n, 1) for n in range(1, 6)])

    first = stripe.checkout.Session.list_line_items(session.id, limit=2)
    assert len(first.data) == 2
    assert first.has_more is True
    assert [item.description for item in first.data] == ["Item 1", "Item 2"]

    every = list(stripe.checkout.Session.list_line_items(session.id, limit=2).auto_paging_iter())
    assert [item.description for item in every] == [f"Item {n}" for n in range(1, 6)]
    assert len({item.id for item in every}) == 5
    assert sum(item.amount_total for item in every) == session.amount_total


def test_list_line_items_of_unknown_session_is_resource_missing():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.list_line_items("cs_test_doesnotexist")
    assert raised.value.http_status == 404
    assert raised.value.code == "resource_missing"


def test_list_auto_paging_visits_every_session_newest_first(fresh_emulator, create_session):
    created = [create_session().id for _ in range(5)]

    page = stripe.checkout.Session.list(limit=2)
    assert len(page.data) == 2
    assert page.has_more is True
    assert page.url == "/v1/checkout/sessions"

    seen = [session.id for session in stripe.checkout.Session.list(limit=2).auto_paging_iter()]
    assert seen == list(reversed(created))

    # ending_before pages backwards from the oldest.
    newer = stripe.checkout.Session.list(limit=2, ending_before=created[0])
    assert [session.id for session in newer.data] == [created[2], created[1]]


def test_list_filters_by_status(create_session):
    open_session = create_session()
    expired = create_session()
    stripe.checkout.Session.expire(expired.id)

    expired_ids = [s.id for s in stripe.checkout.Session.list(status="expired", limit=100).auto_paging_iter()]
    open_ids = [s.id for s in stripe.checkout.Session.list(status="open", limit=100).auto_paging_iter()]
    assert expired.id in expired_ids and expired.id not in open_ids
    assert open_session.id in open_ids and open_session.id not in expired_ids
    assert all(s.status == "expired" for s in stripe.checkout.Session.list(status="expired", limit=100).data)


def test_list_filters_by_payment_intent_and_customer_email(emulator, create_session):
    session = create_session()
    other = create_session()
    email = unique("buyer") + "@example.com"
    emulator.complete(session.id, email=email)
    emulator.complete(other.id)
    paid = stripe.checkout.Session.retrieve(session.id)
    assert paid.payment_intent.startswith("pi_")

    by_intent = stripe.checkout.Session.list(payment_intent=paid.payment_intent)
    assert [s.id for s in by_intent.data] == [session.id]

    by_email = stripe.checkout.Session.list(customer_details={"email": email})
    assert [s.id for s in by_email.data] == [session.id]
    assert by_email.data[0].customer_details.email == email


def test_list_filters_by_created_range(fresh_emulator, create_session):
    session = create_session()
    assert [s.id for s in stripe.checkout.Session.list(created={"gte": session.created}).data] == [session.id]
    assert stripe.checkout.Session.list(created={"gt": session.created}).data == []
    assert stripe.checkout.Session.list(created={"lt": session.created}).data == []


def test_list_limit_out_of_range_is_refused():
    with pytest.raises(stripe.error.InvalidRequestError) as raised:
        stripe.checkout.Session.list(limit=101)
    assert raised.value.http_status == 400
    assert raised.value.param == "limit"


def test_expire_open_session(create_session):
    session = create_session()
    expired = stripe.checkout.Session.expire(session.id)

    assert expired.id == session.id
    assert expired.status == "expired"
    assert expired.url is None
    assert stripe.checkout.Session.retrieve(session.id).status == "expired"

    # The instance method does the same.
    other = create_session()
    assert other.expire().status == "expired"


def test_expiring_a_session_that_is_not_open_is_refused(emulator, create_session):
    expired = create_session()
    stripe.checkout.Session.expire(expired.id)
    completed = create_session()
    emulator.complete(completed.id)

    for session_id, status in ((expired.id, "expired"), (completed.id, "complete")):
        with pytest.raises(stripe.error.InvalidRequestError) as raised:
            stripe.checkout.Session.expire(session_id)
        assert raised.value.http_status == 400
        assert raised.value.code == "checkout_session_not_open"
        assert status in raised.value.user_message
        assert stripe.checkout.Session.retrieve(session_id).status == status


def test_completing_through_the_control_endpoint_pays_the_session(emulator, create_session):
    session = create_session()
    emulator.complete(session.id, email="paid@example.com")
    paid = stripe.checkout.Session.retrieve(session.id)

    assert paid.status == "complete"
    assert paid.payment_status == "paid"
    assert paid.payment_intent.startswith("pi_")
    assert paid.customer_details.email == "paid@example.com"
    assert paid.url is None

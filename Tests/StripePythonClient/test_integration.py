"""The integration around Checkout, driven by Stripe's official library: the catalog, customers, the payment
intent behind a paid session, expansions, events, and a subscription bought and then cancelled in the billing
portal, its webhooks verified with the library's own `stripe.Webhook.construct_event`."""

import json
import urllib.parse
import urllib.request

import pytest
import stripe

from conftest import WEBHOOK_SECRET, unique


def test_catalog_create_retrieve_list_update_and_lookup_keys(emulator):
    product = stripe.Product.create(name="Espresso cup", metadata={"sku": "CUP-1"})
    assert product.object == "product" and product.active is True
    key = unique("cup")
    price = stripe.Price.create(product=product.id, currency="eur", unit_amount=850, lookup_key=key)
    assert price.product == product.id and price.type == "one_time" and price.lookup_key == key
    monthly = stripe.Price.create(product_data={"name": "Coffee club"}, currency="eur", unit_amount=1200,
                                  recurring={"interval": "month"})
    assert monthly.recurring.interval == "month" and monthly.type == "recurring"

    assert [p.id for p in stripe.Price.list(lookup_keys=[key]).data] == [price.id]
    assert stripe.Price.retrieve(price.id, expand=["product"]).product.name == "Espresso cup"
    assert stripe.Product.retrieve(product.id).metadata["sku"] == "CUP-1"
    stripe.Product.modify(product.id, description="Thick walls")
    assert stripe.Product.retrieve(product.id).description == "Thick walls"

    archived = stripe.Price.modify(price.id, active=False)
    assert archived.active is False
    with pytest.raises(stripe.error.InvalidRequestError) as refused:
        stripe.checkout.Session.create(mode="payment", success_url="https://shop.example/ok",
                                       line_items=[{"price": price.id, "quantity": 1}])
    assert refused.value.param == "line_items[0][price]"

    with pytest.raises(stripe.error.InvalidRequestError) as taken:
        stripe.Price.create(product=product.id, currency="eur", unit_amount=900, lookup_key=key)
    assert taken.value.param == "lookup_key"
    moved = stripe.Price.create(product=product.id, currency="eur", unit_amount=900, lookup_key=key,
                                transfer_lookup_key=True)
    assert [p.id for p in stripe.Price.list(lookup_keys=[key]).data] == [moved.id]


def test_prices_page_with_auto_paging(emulator):
    product = stripe.Product.create(name="Paged")
    made = [stripe.Price.create(product=product.id, currency="usd", unit_amount=100 + i).id for i in range(5)]
    listed = [p.id for p in stripe.Price.list(product=product.id, limit=2).auto_paging_iter()]
    assert listed == list(reversed(made))


def test_customers_crud_and_list_by_email(emulator):
    email = f"{unique('ada')}@example.com"
    customer = stripe.Customer.create(email=email, name="Ada", metadata={"plan": "pro"})
    assert customer.id.startswith("cus_")
    stripe.Customer.modify(customer.id, metadata={"plan": "", "team": "blue"})
    assert stripe.Customer.retrieve(customer.id).metadata.to_dict() == {"team": "blue"}
    assert [c.id for c in stripe.Customer.list(email=email).data] == [customer.id]
    deleted = stripe.Customer.delete(customer.id)
    assert deleted.deleted is True
    assert stripe.Customer.retrieve(customer.id).deleted is True
    with pytest.raises(stripe.error.InvalidRequestError) as missing:
        stripe.Customer.modify(customer.id, name="gone")
    assert missing.value.http_status == 404 and missing.value.code == "resource_missing"


def test_paid_session_payment_intent_and_expansions(emulator, create_session):
    session = create_session(customer_creation="always")
    emulator.complete(session.id, email="buyer@example.com")
    paid = stripe.checkout.Session.retrieve(session.id, expand=["payment_intent", "customer",
                                                                "line_items.data.price.product"])
    assert isinstance(paid.payment_intent, stripe.PaymentIntent)
    assert paid.payment_intent.status == "succeeded"
    assert paid.payment_intent.amount == paid.amount_total
    assert isinstance(paid.customer, stripe.Customer) and paid.customer.email == "buyer@example.com"
    assert paid.line_items.data[0].price.product.name == "T-shirt"
    intent = stripe.PaymentIntent.retrieve(paid.payment_intent.id)
    assert intent.customer == paid.customer.id
    assert paid.payment_intent.id in [pi.id for pi in stripe.PaymentIntent.list(customer=paid.customer.id).data]
    refund = stripe.Refund.create(payment_intent=intent.id, amount=100)
    assert refund.payment_intent == intent.id

    for field in ("payment_link", "setup_intent", "payment_intent.latest_charge"):
        with pytest.raises(stripe.error.InvalidRequestError) as refused:
            stripe.checkout.Session.retrieve(session.id, expand=[field])
        assert refused.value.param == "expand"


def test_events_list_and_retrieve(emulator, create_session):
    session = create_session()
    emulator.complete(session.id)
    completed = [e for e in stripe.Event.list(type="checkout.session.completed", limit=100).auto_paging_iter()
                 if e.data.object.id == session.id]
    assert len(completed) == 1
    assert stripe.Event.retrieve(completed[0].id).data.object.client_reference_id == session.client_reference_id
    with pytest.raises(stripe.error.InvalidRequestError) as missing:
        stripe.Event.retrieve("evt_missing")
    assert missing.value.http_status == 404


def portal_post(url: str, path: str, **form):
    """What a browser does when the customer presses a button on the portal page (no API key)."""
    request = urllib.request.Request(url + path, data=urllib.parse.urlencode(form).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_subscription_checkout_then_cancelled_in_the_portal(emulator, webhooks):
    price = stripe.Price.create(product_data={"name": "Team plan"}, currency="usd", unit_amount=4900,
                                recurring={"interval": "month"})
    session = stripe.checkout.Session.create(mode="subscription", success_url="https://saas.example/welcome",
                                             line_items=[{"price": price.id, "quantity": 2}],
                                             subscription_data={"trial_period_days": 7})
    emulator.complete(session.id, email="owner@saas.example")
    headers, payload = webhooks.wait_for("checkout.session.completed", session.id)
    completed = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    subscription_id = completed.data.object.subscription
    customer_id = completed.data.object.customer
    assert subscription_id.startswith("sub_") and customer_id.startswith("cus_")
    headers, payload = webhooks.wait_for("customer.subscription.created", subscription_id)
    created = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    assert created.data.object.status == "trialing"
    assert stripe.Customer.retrieve(customer_id).email == "owner@saas.example"

    portal = stripe.billing_portal.Session.create(customer=customer_id, return_url="https://saas.example/account")
    assert portal.url.startswith(emulator.url)
    page = urllib.request.urlopen(portal.url, timeout=60).read().decode()
    assert "Team plan" in page and "https://saas.example/account" in page
    path = urllib.parse.urlparse(portal.url).path
    assert portal_post(emulator.url, f"{path}/subscriptions/{subscription_id}/cancel", when="now") == 303

    headers, payload = webhooks.wait_for("customer.subscription.deleted", subscription_id)
    deleted = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    assert deleted.data.object.status == "canceled"
    assert deleted.data.object.cancellation_details.reason == "cancellation_requested"
    assert stripe.Subscription.retrieve(subscription_id).status == "canceled"
    assert [s.id for s in stripe.Subscription.list(customer=customer_id, status="all").data] == [subscription_id]
    with pytest.raises(stripe.error.InvalidRequestError) as bad_return:
        stripe.billing_portal.Session.create(customer=customer_id, return_url="javascript:alert(1)")
    assert bad_return.value.param == "return_url" and bad_return.value.code == "url_invalid"


def test_renewals_invoices_and_cancel_at_period_end(emulator, webhooks):
    price = stripe.Price.create(product_data={"name": "Solo plan"}, currency="usd", unit_amount=900,
                                recurring={"interval": "month"})
    session = stripe.checkout.Session.create(mode="subscription", success_url="https://saas.example/welcome",
                                             line_items=[{"price": price.id, "quantity": 1}])
    emulator.complete(session.id)
    subscription_id = stripe.checkout.Session.retrieve(session.id).subscription
    emulator.control(f"/_emulator/subscriptions/{subscription_id}/renew", outcome="failed")
    assert stripe.Subscription.retrieve(subscription_id).status == "past_due"
    invoices = stripe.Invoice.list(subscription=subscription_id).data
    assert [i.status for i in invoices] == ["open", "paid"]
    headers, payload = webhooks.wait_for("invoice.payment_failed", invoices[0].id)
    failed = stripe.Webhook.construct_event(payload.decode("utf-8"), headers["stripe-signature"], WEBHOOK_SECRET)
    assert failed.data.object.amount_remaining == 900
    assert stripe.Invoice.retrieve(invoices[0].id, expand=["subscription"]).subscription.id == subscription_id

    stripe.Subscription.modify(subscription_id, cancel_at_period_end=True)
    emulator.control(f"/_emulator/subscriptions/{subscription_id}/renew", outcome="paid")
    assert stripe.Subscription.retrieve(subscription_id).status == "canceled"
    with pytest.raises(stripe.error.InvalidRequestError):
        stripe.Subscription.delete(subscription_id)

#!/usr/bin/env python3
"""Pays an order of the example shop and buys and cancels its monthly plan in headless Chromium, the way a
customer would.

Usage: pay_in_browser.py SHOP_URL ARTIFACTS_DIR

The order: opens the order page, follows its checkout link to the emulator's hosted checkout page, checks that a
second visit of the checkout link lands on the same session, saves a screenshot of the page, pays with the
keyboard, lands on the shop's thank-you page, waits until the webhook has marked the order paid, and checks that
the checkout link now says the order is already paid and that the paid session's page offers no second payment.

The plan: subscribes from the front page with an email, pays on the hosted page, sees the subscription on the
order with its "Manage subscription" link, cancels it in the billing portal, returns to the shop and waits until
the order shows the subscription canceled.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=820,900"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def text(driver, element_id):
    """The element's text, or "" when it is missing or the page reloaded between finding and reading it (the order
    page refreshes itself while the payment is pending)."""
    try:
        return driver.find_element(By.ID, element_id).text
    except (NoSuchElementException, StaleElementReferenceException):
        return ""
    except WebDriverException as error:
        # Chromium may report a node of the document the reload replaced this way instead of as stale.
        if "does not belong to the document" in str(error):
            return ""
        raise


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def subscribe_and_cancel(driver, wait, shop, artifacts):
    """Buys the monthly plan from the front page and cancels it in the billing portal."""
    driver.get(f"{shop}/")
    check(text(driver, "plan-price") == "$9.00", f"the front page shows the plan's price: {text(driver, 'plan-price')!r}")
    driver.find_element(By.ID, "email").send_keys("browser@example.com")
    driver.find_element(By.ID, "order-plan").click()
    wait.until(lambda d: text(d, "order-status") == "Not paid")
    order_page = driver.current_url
    driver.find_element(By.ID, "checkout").click()
    wait.until(lambda d: "/c/pay/" in d.current_url)
    driver.save_screenshot(os.path.join(artifacts, "plan-checkout-page.png"))
    driver.find_element(By.ID, "pay").send_keys(Keys.ENTER)
    wait.until(lambda d: "/success?session_id=cs_" in d.current_url)
    wait.until(lambda d: text(d, "notice") == "You are subscribed.")

    driver.get(order_page)
    wait.until(lambda d: text(d, "subscription-status") == "Active")
    check(text(driver, "order-status") == "Subscribed", f"the order is subscribed: {text(driver, 'order-status')!r}")
    check("Renews on" in text(driver, "period-end"), f"the page says when it renews: {text(driver, 'period-end')!r}")
    check("sub_" not in driver.page_source and "cus_" not in driver.page_source, "no Stripe ids on the order page")
    driver.save_screenshot(os.path.join(artifacts, "plan-subscribed.png"))

    driver.find_element(By.ID, "manage-subscription").click()
    wait.until(lambda d: "/p/session/" in d.current_url)
    driver.save_screenshot(os.path.join(artifacts, "portal.png"))
    driver.find_element(By.ID, "cancel-now-1").click()
    wait.until(lambda d: "cancel" in text(d, "subscription-status-1").lower())
    driver.find_element(By.ID, "return").click()
    wait.until(lambda d: d.current_url == order_page)

    # The cancellation reaches the shop as a webhook: reload until the order shows it.
    def canceled(d):
        if text(d, "subscription-status") == "Canceled":
            return True
        d.refresh()
        return False
    wait.until(canceled)
    driver.save_screenshot(os.path.join(artifacts, "plan-canceled.png"))


def main():
    shop, artifacts = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    order = f"browser-{int(time.time() * 1000)}"
    driver = browser()
    wait = WebDriverWait(driver, 20, poll_frequency=0.2)
    try:
        driver.get(f"{shop}/orders/{order}")
        check(text(driver, "order-status") == "Not paid", f"a new order is not paid: {driver.page_source[:400]}")
        driver.find_element(By.ID, "checkout").click()
        wait.until(lambda d: "/c/pay/" in d.current_url)
        checkout_page = driver.current_url
        print(f"checkout page: {checkout_page}")

        # A refresh of the shop's checkout link (or a second tab) lands on the same session.
        driver.get(f"{shop}/orders/{order}/checkout")
        wait.until(lambda d: "/c/pay/" in d.current_url)
        check(driver.current_url == checkout_page, f"a second visit made another session: {driver.current_url}")

        check(text(driver, "total") == "$30.00", f"the page shows the order's total: {text(driver, 'total')!r}")
        screenshot = os.path.join(artifacts, "checkout-page.png")
        driver.save_screenshot(screenshot)
        print(f"screenshot: {screenshot}")

        # Pay with the keyboard: focus the Pay button and press Enter.
        pay = driver.find_element(By.ID, "pay")
        pay.send_keys(Keys.ENTER)
        wait.until(lambda d: d.current_url.startswith(f"{shop}/orders/{order}/success?session_id=cs_"))
        session_id = driver.current_url.split("session_id=", 1)[1]
        check(session_id in checkout_page, f"returned with the paid session's id: {driver.current_url}")

        # The thank-you page refreshes itself until the webhook has arrived.
        wait.until(lambda d: text(d, "notice") == "Your order is paid.")
        driver.find_element(By.ID, "order-link").click()
        wait.until(lambda d: text(d, "order-status") == "Paid")
        check(session_id not in driver.page_source, "the order page shows no Stripe ids")
        driver.save_screenshot(os.path.join(artifacts, "order-paid.png"))

        # A second click on the checkout link: already paid, no new session.
        driver.get(f"{shop}/orders/{order}/checkout")
        wait.until(lambda d: "already paid" in text(d, "notice"))
        driver.save_screenshot(os.path.join(artifacts, "already-paid.png"))
        check("/c/pay/" not in driver.current_url, "a paid order is never sent to a checkout page again")

        # The paid session's page says so and offers no second payment.
        driver.get(checkout_page)
        wait.until(lambda d: text(d, "session-status") != "")
        check(not driver.find_elements(By.ID, "pay"), "a paid session shows no Pay button")
        print(f"paid session page: {text(driver, 'session-status')}")
        print("browser checkout: ok")

        subscribe_and_cancel(driver, wait, shop, artifacts)
        print("browser subscription: ok")
    except Exception:
        driver.save_screenshot(os.path.join(artifacts, "failure.png"))
        print(f"failed at {driver.current_url}:\n{driver.page_source[:2000]}", file=sys.stderr)
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

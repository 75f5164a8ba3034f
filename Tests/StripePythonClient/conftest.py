"""Fixtures that run `checkout-emulator` for Stripe's official Python library (`stripe`, pinned in
requirements.txt) to talk to.

The emulator binary comes from `CHECKOUT_EMULATOR`, or `.build/debug/checkout-emulator` in this repository; the spec
from `CHECKOUT_EMULATOR_SPEC`, or `Specs/checkout.yaml` in this repository.
It is started once for the test session on a free port, with `--webhook-url` pointing at a receiver that
this process runs in a thread, and stopped at the end.
"""

import os
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import stripe

REPO_ROOT = Path(__file__).resolve().parents[2]
# The spec the emulator validates against: this repository's, unless CHECKOUT_EMULATOR_SPEC names another (the one
# a binary built from another checkout was built with).
SPEC = Path(os.environ.get("CHECKOUT_EMULATOR_SPEC") or REPO_ROOT / "Specs" / "checkout.yaml")
WEBHOOK_SECRET = "whsec_python_client_suite"
API_KEY = "sk_test_python_client_4242"
# The API version the emulator speaks and this library release pins.
API_VERSION = "2023-08-16"
# Generous bounds: the machine may be busy building Swift on both of its cores.
STARTUP_TIMEOUT = 120.0
WEBHOOK_TIMEOUT = 60.0

# test_gaps.py checks requests Stripe refuses and the emulator still accepts (the README lists them); it runs only
# when asked for, with STRIPE_PYTHON_GAPS=1.
collect_ignore = [] if os.environ.get("STRIPE_PYTHON_GAPS") == "1" else ["test_gaps.py"]


def emulator_binary() -> Path:
    configured = os.environ.get("CHECKOUT_EMULATOR")
    return Path(configured) if configured else REPO_ROOT / ".build" / "debug" / "checkout-emulator"


def wait_until(condition, timeout: float, interval: float = 0.05, what: str = "condition"):
    """Polls `condition` until it returns something truthy, which is returned; fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class WebhookReceiver:
    """An HTTP server on 127.0.0.1 that records every POST (headers and raw body) and answers 200."""

    def __init__(self):
        self.deliveries = []  # (path, headers as a dict with lower-case names, raw body bytes)
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {name.lower(): value for name, value in self.headers.items()}
                with receiver._lock:
                    receiver.deliveries.append((self.path, headers, body))
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format, *args):  # keep pytest's output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/webhooks"

    def snapshot(self):
        with self._lock:
            return list(self.deliveries)

    def wait_for(self, event_type: str, object_id: str, timeout: float = WEBHOOK_TIMEOUT):
        """The first delivery of `event_type` about the object `object_id`: (headers, raw body)."""
        import json

        def find():
            for _, headers, body in self.snapshot():
                try:
                    event = json.loads(body)
                except ValueError:
                    continue
                if event.get("type") == event_type and event.get("data", {}).get("object", {}).get("id") == object_id:
                    return headers, body
            return None

        return wait_until(find, timeout, what=f"{event_type} for {object_id} at the webhook receiver")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Emulator:
    """A running `checkout-emulator` process; `url` is what it printed it listens on."""

    def __init__(self, binary: Path, webhook_url: str, extra_args=()):
        if not binary.is_file() or not os.access(binary, os.X_OK):
            pytest.fail(
                f"checkout-emulator not found at {binary}: build it with `swift build --product checkout-emulator` "
                "or set CHECKOUT_EMULATOR to the binary's path",
                pytrace=False,
            )
        self.stderr = tempfile.TemporaryFile()
        args = [str(binary), "--port", "0", "--spec", str(SPEC),
                "--webhook-url", webhook_url, "--webhook-secret", WEBHOOK_SECRET, *extra_args]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.stderr, stdin=subprocess.DEVNULL)
        first_line = []
        reader = threading.Thread(target=lambda: first_line.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(STARTUP_TIMEOUT)
        line = first_line[0].decode("utf-8", "replace") if first_line else ""
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if not match:
            self.stop()
            pytest.fail(f"checkout-emulator did not report its address within {STARTUP_TIMEOUT:.0f} s; "
                        f"stdout: {line!r}; stderr: {self.stderr_text()!r}", pytrace=False)
        self.url = match.group(1)
        # Keep reading stdout so the process never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")

    def control(self, path: str, **form) -> bytes:
        """POSTs a form to one of the emulator's `/_emulator/...` control endpoints (no API key)."""
        data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(self.url + path, data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert 200 <= response.status < 300, f"{path} answered {response.status}"
            return response.read()

    def complete(self, session_id: str, **form) -> bytes:
        return self.control(f"/_emulator/checkout/sessions/{session_id}/complete", **form)

    def raw(self, method: str, path: str, headers=None, data: bytes = None):
        """A plain HTTP request to the emulator: (status, headers, body), error statuses included."""
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def webhooks():
    receiver = WebhookReceiver()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="session")
def emulator(webhooks):
    running = Emulator(emulator_binary(), webhooks.url)
    yield running
    running.stop()


@pytest.fixture
def fresh_emulator(webhooks):
    """An emulator of the test's own, with no sessions but those the test creates; the library points at it."""
    running = Emulator(emulator_binary(), webhooks.url)
    previous = stripe.api_base
    stripe.api_base = running.url
    yield running
    stripe.api_base = previous
    running.stop()


@pytest.fixture(autouse=True)
def stripe_library(emulator):
    """The library as an integration configures it, pointed at the session's emulator. Network retries are off,
    so every answer a test sees is the emulator's first one."""
    stripe.api_key = API_KEY
    stripe.api_base = emulator.url
    stripe.api_version = API_VERSION
    stripe.max_network_retries = 0
    stripe.default_http_client = None
    yield stripe
    stripe.api_key = API_KEY
    stripe.api_base = emulator.url
    stripe.api_version = API_VERSION
    stripe.max_network_retries = 0


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def line_item(name: str = "T-shirt", unit_amount: int = 1500, quantity: int = 2, currency: str = "usd") -> dict:
    return {"price_data": {"currency": currency, "product_data": {"name": name}, "unit_amount": unit_amount},
            "quantity": quantity}


def session_params(**overrides) -> dict:
    """What a shop sends for a one-off payment: two line items, its order reference and metadata."""
    params = {
        "mode": "payment",
        "line_items": [line_item("T-shirt", 1500, 2), line_item("Mug", 900, 1)],
        "success_url": "https://shop.example/orders/1/ok?session={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example/orders/1/cart",
        "client_reference_id": unique("order"),
        "metadata": {"order_id": "1", "channel": "python-suite"},
    }
    params.update(overrides)
    return params


@pytest.fixture
def create_session():
    def create(**overrides):
        return stripe.checkout.Session.create(**session_params(**overrides))
    return create

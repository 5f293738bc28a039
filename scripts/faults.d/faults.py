#!/usr/bin/env python3
"""The fault runs of scripts/faults: a mixed load against real `partnerdesk serve`
processes, faults injected under it, and a ledger of every acknowledged write checked
after each fault, through the API and straight in the database.

Scenarios (one per invocation, see scripts/faults):
  kills      SIGKILL of the server at random moments under load, restart, verify
  instances  three servers on one PostgreSQL database: simultaneous start (migrations
             once, demo once), a session and a wizard draft moving between instances,
             100 concurrent creates of one domain, kills of one instance under load
  outage     the PostgreSQL server stopped and started under load: 503s, recovery
  disk       SQLite on a small tmpfs filled under load, then the file made read-only

Standard library only. Prints a JSON summary as its last line; exits non-zero when any
acknowledged write was lost, half-written or duplicated, or a check failed.
"""

import argparse
import atexit
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

HOST = "127.0.0.1"


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- processes


SERVERS = []


def kill_all():
    for s in SERVERS:
        s.kill()


class Server:
    """One `partnerdesk serve` process, restartable; its output appended to files."""

    def __init__(self, binary, port, database_url, workdir, name, no_demo=False):
        self.binary, self.port, self.url = binary, port, database_url
        self.name, self.no_demo = name, no_demo
        self.out = os.path.join(workdir, f"{name}.out")
        self.err = os.path.join(workdir, f"{name}.err")
        self.proc = None
        self.starts = 0
        SERVERS.append(self)

    def start(self, wait=True):
        env = dict(os.environ)
        env.update(
            PARTNERDESK_DATABASE_URL=self.url,
            PARTNERDESK_LISTEN=f"{HOST}:{self.port}",
            PARTNERDESK_RATE_LIMIT_PER_MINUTE="0",
            PARTNERDESK_ATTEMPTS_PER_ADDRESS_PER_MINUTE="0",
            PARTNERDESK_ATTEMPTS_PER_ACCOUNT_PER_MINUTE="0",
            PARTNERDESK_DATABASE_MAX_CONNECTIONS="16",
            RUST_LOG=env.get("RUST_LOG", "warn"),
        )
        args = [self.binary, "serve"] + (["--no-demo"] if self.no_demo else [])
        with open(self.out, "a") as out, open(self.err, "a") as err:
            self.proc = subprocess.Popen(args, stdout=out, stderr=err, env=env)
        self.starts += 1
        if wait:
            self.wait_ready()

    def wait_ready(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.proc.returncode}; see {self.err}")
            status, _, _ = call(self.port, "GET", "/healthz", timeout=2)
            if status == 200:
                return
            time.sleep(0.05)
        raise SystemExit(f"{self.name} didn't answer /healthz within {timeout} s")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self):
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def demo_secrets(self):
        text = open(self.out).read()
        token = re.search(r"API token\s+(\S+)", text)
        password = re.search(r"Password\s+(\S+)", text)
        return (token.group(1) if token else None, password.group(1) if password else None)


class Database:
    """Direct SQL on the server's database: sqlite3 or psql, rows as lists of strings."""

    def __init__(self, url):
        self.url = url
        if url.startswith("sqlite"):
            self.path = urllib.parse.urlparse(url.replace("sqlite://", "sqlite:///", 1)).path
            if url.startswith("sqlite://") and not url.startswith("sqlite:///"):
                self.path = url[len("sqlite://"):].split("?")[0]

    def rows(self, sql):
        if self.url.startswith("sqlite"):
            cmd = ["sqlite3", "-bail", "-cmd", ".timeout 10000", self.path, sql]
        else:
            cmd = ["psql", self.url, "-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {out.stderr.strip()}")
        return [line.split("|") for line in out.stdout.splitlines() if line != ""]


# --------------------------------------------------------------------------- HTTP


def call(port, method, path, body=None, headers=None, timeout=30, raw=None):
    """One request on a fresh connection: (status, headers, parsed body), or
    (None, {}, error) when no answer came (refused, reset, timed out)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    h = dict(headers or {})
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    try:
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        payload = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = payload.decode(errors="replace")
        return r.status, hdrs, parsed
    except (OSError, http.client.HTTPException) as e:
        return None, {}, f"{type(e).__name__}: {e}"
    finally:
        conn.close()


class RequestLog:
    """Every attempt: (start, end, method, kind, status, port, has Retry-After, code)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, *entry):
        with self.lock:
            self.entries.append(entry)

    def between(self, t0, t1):
        with self.lock:
            return [e for e in self.entries if t0 <= e[0] <= t1]


class Api:
    def __init__(self, ports, token, requests):
        self.ports, self.token, self.requests = ports, token, requests

    def once(self, method, path, body=None, headers=None, kind="read", port=None, timeout=30):
        port = port or random.choice(self.ports)
        h = {"Authorization": f"Bearer {self.token}"}
        h.update(headers or {})
        t0 = time.time()
        status, hdrs, parsed = call(port, method, "/v1" + path, body, h, timeout=timeout)
        code = parsed.get("code") if isinstance(parsed, dict) else None
        self.requests.add(t0, time.time(), method, kind, status, port, "retry-after" in hdrs, code)
        return status, hdrs, parsed


# --------------------------------------------------------------------------- the ledger


class Ledger:
    """What the server acknowledged: customers, orders, subscriptions with their last
    acknowledged quantity and status."""

    def __init__(self):
        self.lock = threading.Lock()
        self.customers = {}  # id -> {domain, orders:set}
        self.subs = {}  # id -> dict(customer, order, offer, qty, status, parent)
        self.acked = {}  # kind -> count
        self.retried = 0  # requests without an answer, retried until they had one
        self.replayed = 0  # licence or status changes whose retry found the first attempt applied (412)
        self.problems = []  # unexpected answers and failed checks
        self.touched = set()

    def ack(self, kind):
        with self.lock:
            self.acked[kind] = self.acked.get(kind, 0) + 1

    def problem(self, text):
        with self.lock:
            self.problems.append(text)
        log("PROBLEM:", text)

    def total_acked(self):
        with self.lock:
            return sum(self.acked.values())


OFFERS = [("PDC-MAIL-STD", 10), ("PDC-SEC-ENDPOINT", 25)]
ADDON = "PDC-MAIL-ARCHIVE"  # for PDC-MAIL-STD
EXTRA_OFFER = "PDC-STOR-FILES"


def onboarding_body(domain):
    return {
        "companyProfile": {"domain": domain},
        "billingProfile": {
            "companyName": f"Faults {domain}",
            "email": "ops@faults.example",
            "defaultAddress": {
                "country": "US", "addressLine1": "1 Main St", "city": "Redmond", "state": "WA",
                "postalCode": "98052", "firstName": "Ana", "lastName": "Lee",
                "phoneNumber": "425 555 0101",
            },
        },
        "agreement": {
            "primaryContact": {"firstName": "Ana", "lastName": "Lee", "email": "ops@faults.example",
                               "phoneNumber": "425 555 0101"},
            "dateAgreed": "2026-01-15",
        },
        "lineItems": [{"lineItemNumber": i, "offerId": o, "quantity": q} for i, (o, q) in enumerate(OFFERS)],
    }


class Stop(Exception):
    pass


class Load:
    """Worker threads, each owning its customers, issuing a mix of writes. A request
    without a definite answer (no answer, 5xx) is retried, with the same MS-RequestId or
    If-Match, until it has one; only then does the worker go on, so the ledger is exact
    whenever every worker is paused."""

    def __init__(self, api, ledger, workers, prefix):
        self.api, self.ledger, self.prefix = api, ledger, prefix
        self.cond = threading.Condition()
        self.paused = False
        self.stopping = False
        self.idle = 0
        self.threads = [threading.Thread(target=self.run, args=(w,), daemon=True) for w in range(workers)]
        self.mine = [[] for _ in range(workers)]
        self.progress = 0  # definite write answers

    def start(self):
        for t in self.threads:
            t.start()

    def pause(self, timeout=180):
        with self.cond:
            self.paused = True
            deadline = time.time() + timeout
            while self.idle < len(self.threads):
                if not self.cond.wait(timeout=max(0.1, deadline - time.time())) and time.time() > deadline:
                    raise SystemExit("the workers didn't settle within %d s" % timeout)

    def resume(self):
        with self.cond:
            self.paused = False
            self.cond.notify_all()

    def stop(self):
        self.pause()
        with self.cond:
            self.stopping = True
            self.paused = False
            self.cond.notify_all()
        for t in self.threads:
            t.join()

    def gate(self):
        with self.cond:
            if self.paused:
                self.idle += 1
                self.cond.notify_all()
                while self.paused and not self.stopping:
                    self.cond.wait()
                self.idle -= 1
            if self.stopping:
                raise Stop()

    def run(self, w):
        rng = random.Random(w * 7919 + int(time.time()))
        n = 0
        try:
            while True:
                self.gate()
                mine = self.mine[w]
                r = rng.random()
                if not mine or r < 0.25:
                    n += 1
                    self.onboard(w, f"{self.prefix}w{w}n{n}")
                    continue
                customer = rng.choice(mine)
                if r < 0.40:
                    self.order(customer)
                elif r < 0.70:
                    self.license(customer, rng)
                elif r < 0.85:
                    self.add_on(customer, rng)
                else:
                    self.suspension(customer, rng)
        except Stop:
            pass

    def until_definite(self, method, path, body=None, headers=None, kind="write"):
        """Sends until the answer is definite (neither missing nor 5xx); says whether an
        earlier attempt went unanswered."""
        unanswered = False
        delay = 0.05
        while True:
            status, hdrs, parsed = self.api.once(method, path, body, headers, kind=kind)
            if status is not None and status < 500:
                with self.cond:
                    self.progress += 1
                if unanswered:
                    with self.ledger.lock:
                        self.ledger.retried += 1
                return status, hdrs, parsed, unanswered
            unanswered = True
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    def onboard(self, w, domain):
        rid = str(uuid.uuid4())
        status, _, body, retried = self.until_definite(
            "POST", "/customers", onboarding_body(domain), {"MS-RequestId": rid}, kind="onboard")
        if status != 201:
            return self.ledger.problem(f"onboarding {domain} ({rid}): {status} {body}")
        cid = body["id"]
        full = body.get("companyProfile", {}).get("domain")
        order = body.get("order") or {}
        subs = {li["subscriptionId"]: (li["offerId"], li["quantity"]) for li in order.get("lineItems", [])}
        if len(subs) != len(OFFERS) or not order.get("id") or not body.get("agreement"):
            return self.ledger.problem(f"onboarding {domain} answered incompletely: {body}")
        with self.ledger.lock:
            if cid in self.ledger.customers:
                self.ledger.problems.append(f"customer {cid} acknowledged twice")
            self.ledger.customers[cid] = {"domain": full, "orders": {order["id"]}}
            for sid, (offer, qty) in subs.items():
                self.ledger.subs[sid] = dict(customer=cid, order=order["id"], offer=offer, qty=qty,
                                             status="active", parent=None)
            self.ledger.touched.add(cid)
        self.mine[w].append(cid)
        self.ledger.ack("onboarding")

    def order(self, cid):
        rid = str(uuid.uuid4())
        qty = random.randint(1, 50)
        status, _, body, retried = self.until_definite(
            "POST", f"/customers/{cid}/orders",
            {"lineItems": [{"lineItemNumber": 0, "offerId": EXTRA_OFFER, "quantity": qty}]},
            {"MS-RequestId": rid}, kind="order")
        if status != 201:
            return self.ledger.problem(f"order for {cid}: {status} {body}")
        items = body.get("lineItems", [])
        if len(items) != 1:
            return self.ledger.problem(f"order for {cid} answered {body}")
        with self.ledger.lock:
            self.ledger.customers[cid]["orders"].add(body["id"])
            self.ledger.subs[items[0]["subscriptionId"]] = dict(
                customer=cid, order=body["id"], offer=EXTRA_OFFER, qty=qty, status="active", parent=None)
            self.ledger.touched.add(cid)
        self.ledger.ack("order")

    def subs_of(self, cid, pred):
        with self.ledger.lock:
            return [(sid, dict(s)) for sid, s in self.ledger.subs.items() if s["customer"] == cid and pred(s)]

    def read_sub(self, cid, sid, expected):
        """GETs a subscription, checks it against the ledger, answers its etag."""
        status, _, body, _ = self.until_definite("GET", f"/customers/{cid}/subscriptions/{sid}", kind="read")
        if status != 200:
            self.ledger.problem(f"subscription {sid}: {status} {body}")
            return None
        if (body["quantity"], body["status"]) != (expected["qty"], expected["status"]):
            self.ledger.problem(f"subscription {sid} is {body['quantity']}/{body['status']}, "
                                f"acknowledged {expected['qty']}/{expected['status']}")
            return None
        return body["attributes"]["etag"], body

    def patch_sub(self, cid, sid, expected, change, kind):
        read = self.read_sub(cid, sid, expected)
        if read is None:
            return None
        etag, _ = read
        status, _, body, retried = self.until_definite(
            "PATCH", f"/customers/{cid}/subscriptions/{sid}", change, {"If-Match": etag}, kind=kind)
        if status == 412 and retried:
            # The unanswered attempt was applied: the retry's etag is stale.
            status, _, body, _ = self.until_definite("GET", f"/customers/{cid}/subscriptions/{sid}")
            with self.ledger.lock:
                self.ledger.replayed += 1
        if status != 200:
            self.ledger.problem(f"{kind} of {sid}: {status} {body}")
            return None
        for key, value in change.items():
            if body.get(key) != value:
                self.ledger.problem(f"{kind} of {sid}: asked {change}, now {body.get(key)}")
                return None
        return body

    def license(self, cid, rng):
        active = self.subs_of(cid, lambda s: s["status"] == "active")
        if not active:
            return
        sid, s = rng.choice(active)
        qty = rng.randint(5, 300)  # within every offer's range
        if self.patch_sub(cid, sid, s, {"quantity": qty}, "license") is not None:
            with self.ledger.lock:
                self.ledger.subs[sid]["qty"] = qty
                self.ledger.touched.add(cid)
            self.ledger.ack("license")

    def suspension(self, cid, rng):
        tops = self.subs_of(cid, lambda s: s["parent"] is None)
        sid, s = rng.choice(tops)
        target = "active" if s["status"] == "suspended" else "suspended"
        if self.patch_sub(cid, sid, s, {"status": target}, "suspension") is not None:
            with self.ledger.lock:
                self.ledger.subs[sid]["status"] = target
                if target == "suspended":
                    for child in self.ledger.subs.values():
                        if child["parent"] == sid:
                            child["status"] = "suspended"
                self.ledger.touched.add(cid)
            self.ledger.ack("suspension")

    def add_on(self, cid, rng):
        parents = self.subs_of(cid, lambda s: s["offer"] == OFFERS[0][0] and s["status"] == "active")
        if not parents:
            return
        sid, parent = rng.choice(parents)
        if len(self.subs_of(cid, lambda s: s["parent"] == sid)) >= 3:
            return
        rid = str(uuid.uuid4())
        qty = rng.randint(1, 20)
        status, _, body, retried = self.until_definite(
            "PATCH", f"/customers/{cid}/orders/{parent['order']}",
            {"lineItems": [{"offerId": ADDON, "quantity": qty, "parentSubscriptionId": sid}]},
            {"MS-RequestId": rid}, kind="addon")
        if status != 200:
            return self.ledger.problem(f"add-on for {sid}: {status} {body}")
        with self.ledger.lock:
            new = [li for li in body.get("lineItems", []) if li["subscriptionId"] not in self.ledger.subs]
            if len(new) != 1 or new[0].get("parentSubscriptionId") != sid:
                self.ledger.problems.append(f"add-on for {sid} answered {body}")
                return
            self.ledger.subs[new[0]["subscriptionId"]] = dict(
                customer=cid, order=parent["order"], offer=ADDON, qty=qty, status="active", parent=sid)
            self.ledger.touched.add(cid)
        self.ledger.ack("addon")


# --------------------------------------------------------------------------- verification


class Verifier:
    """Compares the database, and the API, with the ledger. Run with the workers paused."""

    def __init__(self, db, api, ledger):
        self.db, self.api, self.ledger = db, api, ledger
        self.lost = 0
        self.half = 0
        self.duplicates = 0
        self.extra_ids = set()  # customers made outside the ledger

    def fail(self, counter, text):
        setattr(self, counter, getattr(self, counter) + 1)
        self.ledger.problem(text)

    def database(self):
        led = self.ledger
        customers = {r[0]: r[1] for r in self.db.rows("SELECT id, domain FROM customers")}
        for cid, c in led.customers.items():
            if cid not in customers:
                self.fail("lost", f"acknowledged customer {cid} ({c['domain']}) is missing")
            elif customers[cid] != c["domain"]:
                self.fail("lost", f"customer {cid} has domain {customers[cid]}, acknowledged {c['domain']}")
        for cid in customers:
            if cid not in led.customers and cid not in self.extra_ids:
                self.fail("duplicates", f"customer {cid} ({customers[cid]}) exists but was never acknowledged")
        for r in self.db.rows("SELECT domain, COUNT(*) FROM customers GROUP BY domain HAVING COUNT(*) > 1"):
            self.fail("duplicates", f"domain {r[0]} belongs to {r[1]} customers")
        incomplete = self.db.rows(
            "SELECT c.id, "
            "(SELECT COUNT(*) FROM customer_users u WHERE u.customer_id = c.id), "
            "(SELECT COUNT(*) FROM partner_customers p WHERE p.customer_id = c.id), "
            "(SELECT COUNT(*) FROM agreements a WHERE a.customer_id = c.id), "
            "(SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) "
            "FROM customers c")
        for cid, users, links, agreements, orders in incomplete:
            if cid in self.extra_ids:
                continue
            if int(users) != 1 or int(links) < 1 or int(agreements) != 1 or int(orders) < 1:
                self.fail("half", f"customer {cid} is half-written: {users} admin users, {links} "
                          f"partner links, {agreements} agreements, {orders} orders")
        orders = {r[0]: r[1] for r in self.db.rows("SELECT id, customer_id FROM orders")}
        known_orders = {o: cid for cid, c in led.customers.items() for o in c["orders"]}
        for oid, cid in known_orders.items():
            if orders.get(oid) != cid:
                self.fail("lost", f"acknowledged order {oid} of {cid} is missing")
        for oid, cid in orders.items():
            if oid not in known_orders and cid not in self.extra_ids:
                self.fail("duplicates", f"order {oid} of {cid} was never acknowledged")
        for r in self.db.rows(
                "SELECT o.id FROM orders o WHERE NOT EXISTS "
                "(SELECT 1 FROM order_line_items l WHERE l.order_id = o.id)"):
            self.fail("half", f"order {r[0]} has no line items")
        subs = {}
        for sid, cid, oid, offer, qty, status, parent in self.db.rows(
                "SELECT id, customer_id, order_id, offer_id, quantity, status, "
                "COALESCE(CAST(parent_subscription_id AS TEXT), '') FROM subscriptions"):
            subs[sid] = dict(customer=cid, order=oid, offer=offer, qty=int(qty), status=status,
                             parent=parent or None)
        for sid, s in led.subs.items():
            if sid not in subs:
                self.fail("lost", f"acknowledged subscription {sid} ({s['offer']}) is missing")
            elif subs[sid] != s:
                self.fail("lost", f"subscription {sid} is {subs[sid]}, acknowledged {s}")
        for sid, s in subs.items():
            if sid not in led.subs and s["customer"] not in self.extra_ids:
                self.fail("duplicates", f"subscription {sid} ({s}) was never acknowledged")
        for r in self.db.rows(
                "SELECT s.id, COUNT(l.order_id) FROM subscriptions s LEFT JOIN order_line_items l "
                "ON l.subscription_id = s.id GROUP BY s.id HAVING COUNT(l.order_id) <> 1"):
            self.fail("half", f"subscription {r[0]} has {r[1]} order lines")

    def through_api(self, customers):
        led = self.ledger
        for cid in customers:
            c = led.customers[cid]
            status, _, body = self.api.once("GET", f"/customers/{cid}")
            if status != 200 or body["companyProfile"]["domain"] != c["domain"]:
                self.fail("lost", f"GET customer {cid}: {status} {str(body)[:200]}")
                continue
            status, _, body = self.api.once("GET", f"/customers/{cid}/subscriptions")
            want = {sid: (s["qty"], s["status"]) for sid, s in led.subs.items() if s["customer"] == cid}
            got = {s["id"]: (s["quantity"], s["status"]) for s in (body or {}).get("items", [])} if status == 200 else None
            if got != want:
                self.fail("lost", f"subscriptions of {cid} through the API: {got}, acknowledged {want}")
            status, _, body = self.api.once("GET", f"/customers/{cid}/orders")
            got = {o["id"] for o in (body or {}).get("items", [])} if status == 200 else None
            if got != c["orders"]:
                self.fail("lost", f"orders of {cid} through the API: {got}, acknowledged {c['orders']}")

    def check(self, sample=200, full=False):
        t0 = time.time()
        self.database()
        led = self.ledger
        with led.lock:
            touched = list(led.touched)
            led.touched.clear()
            everyone = list(led.customers)
        chosen = everyone if full else list(set(random.sample(touched, min(len(touched), sample)))
                                            | set(random.sample(everyone, min(len(everyone), 20))))
        self.through_api(chosen)
        return time.time() - t0


def summary_counts(ledger, verifier):
    return dict(
        acknowledged=ledger.total_acked(),
        acknowledged_by_kind=dict(ledger.acked),
        customers=len(ledger.customers),
        subscriptions=len(ledger.subs),
        unanswered_then_retried=ledger.retried,
        retried_changes_found_applied=ledger.replayed,
        lost=verifier.lost,
        half_written=verifier.half,
        duplicates=verifier.duplicates,
    )


# --------------------------------------------------------------------------- scenarios


def scenario_kills(args):
    server = Server(args.binary, args.port, args.database_url, args.workdir, f"kills-{args.label}")
    server.start()
    token, _ = server.demo_secrets()
    requests = RequestLog()
    api = Api([args.port], token, requests)
    ledger = Ledger()
    load = Load(api, ledger, args.workers, f"k{args.label}")
    verifier = Verifier(Database(args.database_url), api, ledger)
    load.start()
    downtimes = []
    for kill in range(1, args.kills + 1):
        time.sleep(random.uniform(args.min_interval, args.max_interval))
        before = ledger.total_acked()
        server.kill()
        t_killed = time.time()
        time.sleep(random.uniform(0, 0.5))
        server.start()
        downtimes.append(time.time() - t_killed)
        load.pause()
        took = verifier.check()
        log(f"kill {kill}/{args.kills}: {before} acknowledged before it, verified in {took:.1f} s; "
            f"lost {verifier.lost}, half {verifier.half}, duplicates {verifier.duplicates}")
        load.resume()
    time.sleep(1)
    load.stop()
    verifier.check(full=True)
    server.stop()
    internal = [e for e in requests.entries if e[4] == 500]
    return dict(scenario="kills", backend=args.label, kills=args.kills,
                **summary_counts(ledger, verifier),
                answered_500=len(internal),
                restart_seconds_max=round(max(downtimes), 2) if downtimes else None,
                problems=ledger.problems[:20])


def get_set_cookies(port, method, path, cookies, raw=None, content_type=None):
    """Like call, but keeps every Set-Cookie (http.client joins repeated headers)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    h = {"Cookie": cookies}
    if content_type:
        h["Content-Type"] = content_type
    conn.request(method, path, body=raw, headers=h)
    r = conn.getresponse()
    page = r.read().decode(errors="replace")
    set_cookies = [v for k, v in r.getheaders() if k.lower() == "set-cookie"]
    location = r.getheader("Location")
    conn.close()
    jar = dict(p.split("=", 1) for p in cookies.split("; ") if "=" in p)
    for v in set_cookies:
        name, value = v.split(";")[0].split("=", 1)
        jar[name] = value
    return r.status, page, "; ".join(f"{k}={v}" for k, v in jar.items()), location


def portal_across_instances(ports, password):
    """A session made on one instance is honoured by another, and a wizard draft saved
    on one continues on another."""
    a, b, c = ports
    status, page, cookies, _ = get_set_cookies(a, "GET", "/sign-in", "")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "email": "admin@partnerdesk.example", "password": password})
    status, page, cookies, _ = get_set_cookies(a, "POST", "/sign-in", cookies, form.encode(),
                                               "application/x-www-form-urlencoded")
    if status not in (302, 303):
        return f"sign-in on instance A answered {status}"
    status, page, cookies, _ = get_set_cookies(b, "GET", "/customers", cookies)
    if status != 200:
        return f"the session made on A is refused by B: {status}"
    # Account info on B: type a company name and an incomplete rest, submit on B.
    status, page, cookies, location = get_set_cookies(b, "GET", "/customers/new/account", cookies)
    if status in (302, 303) and location:
        status, page, cookies, _ = get_set_cookies(b, "GET", location, cookies)
    if status != 200:
        return f"the wizard on B answered {status}"
    fields = dict(re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', page))
    csrf = fields.get("csrf") or re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    marker = "Crossover " + uuid.uuid4().hex[:8]
    name_field = next((n for n in re.findall(r'name="([^"]+)"', page) if "company" in n.lower()), None)
    if name_field is None:
        return "no company name field on the wizard's first page"
    form = {"csrf": csrf, name_field: marker, "country": "US"}
    status, page, cookies, location = get_set_cookies(
        b, "POST", "/customers/new/account", cookies, urllib.parse.urlencode(form).encode(),
        "application/x-www-form-urlencoded")
    if status >= 500:
        return f"saving the draft on B answered {status}"
    # Continue on C: the draft comes back with what was typed.
    status, page, cookies, location = get_set_cookies(c, "GET", "/customers/new/account", cookies)
    if status != 200 or marker not in page:
        return f"the draft saved on B isn't resumed on C ({status}, marker {'found' if marker in page else 'missing'})"
    status, page, cookies, location = get_set_cookies(a, "GET", "/customers/new", cookies)
    if status in (302, 303) and location:
        status, page, cookies, _ = get_set_cookies(a, "GET", location, cookies)
    if status != 200 or marker not in page:
        return f"the draft isn't resumed back on A ({status})"
    return None


def scenario_instances(args):
    ports = [args.port, args.port + 1, args.port + 2]
    servers = [Server(args.binary, p, args.database_url, args.workdir, f"instance{i}")
               for i, p in enumerate(ports)]
    db = Database(args.database_url)
    result = dict(scenario="instances", backend="postgres", instances=3)
    # All three start at the same moment on an empty database.
    for s in servers:
        s.start(wait=False)
    for s in servers:
        s.wait_ready()
    migrations = db.rows("SELECT name, COUNT(*) FROM schema_migrations GROUP BY name ORDER BY name")
    result["migrations_recorded"] = len(migrations)
    checks = []
    if len(migrations) != args.expected_migrations or any(int(n) != 1 for _, n in migrations):
        checks.append(f"schema_migrations after a simultaneous start: {migrations}")
    demos = [s.name for s in servers if s.demo_secrets()[0]]
    partners = int(db.rows("SELECT COUNT(*) FROM partners")[0][0])
    users = int(db.rows("SELECT COUNT(*) FROM partner_users")[0][0])
    result["demo_created_by"] = demos
    if len(demos) != 1 or users != 1:
        checks.append(f"demo created by {demos}: {partners} partners, {users} users")
    token, password = next((s.demo_secrets() for s in servers if s.demo_secrets()[0]), (None, None))
    if token is None:
        raise SystemExit("no instance printed the demo's secrets")
    problem = portal_across_instances(ports, password)
    result["session_and_draft_across_instances"] = problem or "ok"
    if problem:
        checks.append(problem)

    requests = RequestLog()
    api = Api(ports, token, requests)
    ledger = Ledger()
    verifier = Verifier(db, api, ledger)

    # 100 concurrent creates of one domain, spread over the three.
    domain = f"race{uuid.uuid4().hex[:10]}"
    answers = []
    barrier = threading.Barrier(100)

    retried_race = []

    def create(i):
        # A 503 (or no answer) is retried with the same MS-RequestId, on any instance.
        rid, port = str(uuid.uuid4()), ports[i % 3]
        barrier.wait()
        while True:
            answer = api.once("POST", "/customers", onboarding_body(domain), {"MS-RequestId": rid},
                              kind="race", port=port)
            if answer[0] is not None and answer[0] < 500:
                return answers.append(answer)
            retried_race.append(answer[0])
            time.sleep(0.2)
            port = random.choice(ports)
    threads = [threading.Thread(target=create, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = {}
    for status, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    result["same_domain_100_creates"] = {str(k): v for k, v in sorted(statuses.items(), key=str)}
    result["same_domain_retried_after_503"] = len(retried_race)
    created = [body for status, _, body in answers if status == 201]
    if statuses.get(201) != 1 or statuses.get(409) != 99:
        checks.append(f"100 creates of {domain}: {statuses}")
    for body in created:
        order = body["order"]
        ledger.customers[body["id"]] = {"domain": body["companyProfile"]["domain"], "orders": {order["id"]}}
        for li in order["lineItems"]:
            ledger.subs[li["subscriptionId"]] = dict(customer=body["id"], order=order["id"], offer=li["offerId"],
                                                     qty=li["quantity"], status="active", parent=None)
    in_db = db.rows(f"SELECT COUNT(*) FROM customers WHERE domain LIKE '{domain}.%'")
    if int(in_db[0][0]) != 1:
        checks.append(f"{in_db[0][0]} customers with the domain {domain}")

    # Kills of one instance under load; requests and their retries go to any instance.
    load = Load(api, ledger, args.workers, "i")
    load.start()
    killed = []
    for kill in range(1, args.kills + 1):
        time.sleep(random.uniform(args.min_interval, args.max_interval))
        victim = random.choice(servers)
        acked_by_victim = sum(1 for e in requests.entries if e[5] == victim.port and e[4] is not None and e[4] < 300)
        victim.kill()
        time.sleep(random.uniform(0.2, 1.5))
        victim.start()
        killed.append(victim.name)
        load.pause()
        verifier.check()
        log(f"kill {kill}/{args.kills} of {victim.name} ({acked_by_victim} answered 2xx by it so far): "
            f"lost {verifier.lost}, half {verifier.half}, duplicates {verifier.duplicates}")
        load.resume()
    time.sleep(1)
    load.stop()
    verifier.check(full=True)
    per_instance = {s.name: sum(1 for e in requests.entries if e[5] == s.port and e[4] is not None and e[4] < 300)
                    for s in servers}
    for s in servers:
        s.stop()
    for c in checks:
        ledger.problem(c)
    result.update(kills=len(killed), killed=killed, answered_2xx_per_instance=per_instance,
                  answered_500=sum(1 for e in requests.entries if e[4] == 500),
                  **summary_counts(ledger, verifier), problems=ledger.problems[:20])
    return result


def pg_ctl(args, *what):
    cmd = f"{args.pg_bin}/pg_ctl -D {args.pg_data} -w -t 60 {' '.join(what)}"
    if os.geteuid() == 0:
        cmd = ["su", "postgres", "-c", cmd]
    else:
        cmd = ["sh", "-c", cmd]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"pg_ctl {what}: {out.stdout} {out.stderr}")


def scenario_outage(args):
    server = Server(args.binary, args.port, args.database_url, args.workdir, "outage")
    server.start()
    token, _ = server.demo_secrets()
    requests = RequestLog()
    api = Api([args.port], token, requests)
    ledger = Ledger()
    load = Load(api, ledger, args.workers, "o")
    verifier = Verifier(Database(args.database_url), api, ledger)
    load.start()
    outages = []
    for n in range(1, args.outages + 1):
        time.sleep(args.min_interval)
        t_stop = time.time()
        pg_ctl(args, f'-o "-p {args.pg_port} -k {args.pg_socket}"', "-m fast", "stop")
        t_down = time.time()
        time.sleep(args.outage_seconds)
        t_start = time.time()
        pg_ctl(args, f'-o "-p {args.pg_port} -k {args.pg_socket}"', "-l", f"{args.pg_data}/pg.log", "start")
        t_up = time.time()
        # Recovery: the first write acknowledged after PostgreSQL was back.
        recovered = None
        while recovered is None and time.time() < t_up + 60:
            time.sleep(0.05)
            with requests.lock:
                done = [e[1] for e in requests.entries
                        if e[0] >= t_up and e[3] != "read" and e[4] is not None and 200 <= e[4] < 300]
            recovered = min(done) if done else None
        # Every request that was waiting at some moment of the outage, from the stop on.
        with requests.lock:
            during = [e for e in requests.entries if e[0] <= t_start and e[1] >= t_stop]
        statuses = {}
        for e in during:
            statuses[str(e[4])] = statuses.get(str(e[4]), 0) + 1
        unavailable = [e for e in during if e[4] == 503]
        outage = dict(
            seconds=round(t_start - t_down, 1),
            requests_during=len(during),
            statuses=statuses,
            answered_503=len(unavailable),
            answered_503_with_retry_after=sum(1 for e in unavailable if e[6]),
            answered_503_code_770503=sum(1 for e in unavailable if e[7] == 770503),
            answered_500=statuses.get("500", 0),
            unanswered=statuses.get("None", 0),
            slowest_answer_seconds=round(max((e[1] - e[0] for e in during), default=0), 2),
            recovery_seconds_after_postgres_up=round(recovered - t_up, 2) if recovered else None,
            stop_seconds=round(t_down - t_stop, 1),
        )
        outages.append(outage)
        log(f"outage {n}: {outage}")
        if outage["answered_500"] or outage["unanswered"] or recovered is None:
            ledger.problem(f"outage {n}: {outage}")
        if outage["answered_503"] != outage["answered_503_with_retry_after"]:
            ledger.problem(f"outage {n}: a 503 without Retry-After")
        if outage["slowest_answer_seconds"] > 15:
            ledger.problem(f"outage {n}: an answer took {outage['slowest_answer_seconds']} s")
        if outage["answered_503"] == 0:
            ledger.problem(f"outage {n}: no request saw the outage")
        if not server.alive():
            ledger.problem("the server exited during the outage")
            server.start()
        load.pause()
        verifier.check()
        load.resume()
    time.sleep(1)
    load.stop()
    verifier.check(full=True)
    server.stop()
    return dict(scenario="outage", backend="postgres", outages=outages, **summary_counts(ledger, verifier),
                problems=ledger.problems[:20])


def scenario_disk(args):
    """SQLite on a tmpfs: filled under load, then the file made read-only."""
    mount = args.mount
    db_path = os.path.join(mount, "faults.db")
    url = f"sqlite://{db_path}?mode=rwc"
    server = Server(args.binary, args.port, url, args.workdir, "disk")
    server.start()
    token, _ = server.demo_secrets()
    requests = RequestLog()
    api = Api([args.port], token, requests)
    ledger = Ledger()
    db = Database(url)
    verifier = Verifier(db, api, ledger)
    result = dict(scenario="disk", backend="sqlite")
    load = Load(api, ledger, args.workers, "d")
    # Warm up with room, then leave ~1.5 MB free.
    load.start()
    time.sleep(2)
    used_kb = int(subprocess.run(["du", "-sk", mount], capture_output=True, text=True).stdout.split()[0])
    size_kb = used_kb + args.free_kb
    subprocess.run(["mount", "-o", f"remount,size={size_kb}k", mount], check=True)
    t_small = time.time()
    log(f"disk: {used_kb} kB used, the filesystem now {size_kb} kB")
    # Wait for writes to be refused.
    full_at = None
    while time.time() < t_small + 120:
        time.sleep(0.2)
        refused = [e for e in requests.between(t_small, time.time()) if e[3] != "read" and e[4] is not None and e[4] >= 500]
        if len(refused) >= 20:
            full_at = refused[0][0]
            break
    if full_at is None:
        ledger.problem("the disk never filled")
    time.sleep(2)
    # Reads still answered while writes are refused.
    status, _, body = api.once("GET", "/customers?size=20")
    reads_ok = status == 200
    with ledger.lock:
        some = random.sample(list(ledger.customers), min(20, len(ledger.customers)))
    for cid in some:
        s, _, _ = api.once("GET", f"/customers/{cid}")
        reads_ok = reads_ok and s == 200
    window = requests.between(full_at or t_small, time.time())
    writes = [e for e in window if e[3] != "read"]
    statuses = {}
    for e in writes:
        statuses[str(e[4])] = statuses.get(str(e[4]), 0) + 1
    result["disk_full"] = dict(
        filesystem_kb=size_kb,
        writes_while_full=statuses,
        answered_503_with_retry_after=sum(1 for e in writes if e[4] == 503 and e[6]),
        reads_while_full_ok=reads_ok,
        server_alive=server.alive(),
    )
    log(f"disk full: {result['disk_full']}")
    if not reads_ok or not server.alive() or statuses.get("500") or not statuses.get("503"):
        ledger.problem(f"disk full: {result['disk_full']}")
    # Room again: the same server goes on by itself.
    subprocess.run(["mount", "-o", "remount,size=256m", mount], check=True)
    t_room = time.time()
    recovered = None
    while recovered is None and time.time() < t_room + 60:
        time.sleep(0.05)
        done = [e[1] for e in requests.between(t_room, time.time())
                if e[3] != "read" and e[4] is not None and 200 <= e[4] < 300]
        recovered = min(done) if done else None
    result["disk_full"]["recovery_seconds_after_space_freed"] = round(recovered - t_room, 2) if recovered else None
    if recovered is None:
        ledger.problem("writes didn't resume after the disk had room again")
    load.pause()
    verifier.check()

    # The database file made read-only (immutable) under a killed server, then restarted.
    load.resume()
    time.sleep(1.5)
    server.kill()
    subprocess.run(["chattr", "+i", db_path], check=True)
    t_ro = time.time()
    try:
        server.start()
        started = True
    except SystemExit as e:
        started = False
        ledger.problem(f"read-only file: the server didn't start: {e}")
    ro = dict(server_started=started)
    if started:
        time.sleep(2)
        status, _, _ = api.once("GET", "/customers?size=20")
        ro["list_status"] = status
        with ledger.lock:
            some = random.sample(list(ledger.customers), min(20, len(ledger.customers)))
        ro["reads_ok"] = status == 200 and all(api.once("GET", f"/customers/{cid}")[0] == 200 for cid in some)
        status, hdrs, body = api.once("POST", "/customers", onboarding_body(f"ro{uuid.uuid4().hex[:8]}"),
                                      {"MS-RequestId": str(uuid.uuid4())}, kind="probe")
        ro["write_status"] = status
        ro["write_retry_after"] = "retry-after" in hdrs
        ro["write_code"] = body.get("code") if isinstance(body, dict) else None
        window = [e for e in requests.between(t_ro, time.time()) if e[3] not in ("read",)]
        st = {}
        for e in window:
            st[str(e[4])] = st.get(str(e[4]), 0) + 1
        ro["writes_while_read_only"] = st
        ro["server_alive"] = server.alive()
        if not ro["reads_ok"] or status != 503 or st.get("500") or not server.alive():
            ledger.problem(f"read-only file: {ro}")
    result["read_only"] = ro
    log(f"read-only: {ro}")
    server.kill()
    subprocess.run(["chattr", "-i", db_path], check=True)
    server.start()
    load.pause()
    verifier.check()
    load.resume()
    time.sleep(1)
    load.stop()
    verifier.check(full=True)
    server.stop()
    result.update(**summary_counts(ledger, verifier), problems=ledger.problems[:20])
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario", choices=["kills", "instances", "outage", "disk"])
    p.add_argument("--binary", required=True)
    p.add_argument("--database-url")
    p.add_argument("--workdir", required=True)
    p.add_argument("--label", default="")
    p.add_argument("--port", type=int, default=8180)
    p.add_argument("--workers", type=int, default=12)
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--min-interval", type=float, default=1.0)
    p.add_argument("--max-interval", type=float, default=4.0)
    p.add_argument("--expected-migrations", type=int, default=0)
    p.add_argument("--outages", type=int, default=1)
    p.add_argument("--outage-seconds", type=float, default=5.0)
    p.add_argument("--pg-bin")
    p.add_argument("--pg-data")
    p.add_argument("--pg-port", type=int, default=5499)
    p.add_argument("--pg-socket")
    p.add_argument("--mount")
    p.add_argument("--free-kb", type=int, default=1536)
    p.add_argument("--out")
    args = p.parse_args()
    random.seed()
    atexit.register(kill_all)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    t0 = time.time()
    result = {"kills": scenario_kills, "instances": scenario_instances,
              "outage": scenario_outage, "disk": scenario_disk}[args.scenario](args)
    result["seconds"] = round(time.time() - t0, 1)
    ok = not result["problems"] and result["lost"] == 0 and result["half_written"] == 0 and result["duplicates"] == 0
    result["ok"] = ok
    line = json.dumps(result)
    if args.out:
        with open(args.out, "a") as f:
            f.write(line + "\n")
    print(line)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

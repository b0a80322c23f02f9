#!/usr/bin/env python3
"""Drives a generated project's portal in headless Chromium, as a person would.

Usage: portal-browser-test.py --bin BIN_DIR --app APP --screenshots DIR

BIN_DIR holds the project's built executable APP (the smoke stage's build, reused). The test seeds a
throwaway control plane for its own port, starts `APP serve` from another directory (so the portal
folder comes from the project, not the working directory), and checks:
  - sign-up, then tenants A and B created through the form, whose field shows the server's refusals;
  - switching A -> B -> A: each time the user list shows that tenant's users only, the token in use
    carries that organization's org_id, and localStorage holds A's and B's entries apart;
  - a user created in A with a role never appears in B;
  - a second user, a member of A only, sees A and not B; B's tenant id forced into the URL is
    refused by the server (403), and the page says so;
  - sign-out leaves no token of any organization in localStorage;
  - the administrator sees both tenants and the "internal access - audited" marker.
A screenshot of every step goes to DIR. Chromium runs with --no-sandbox (CI runs as root) and
Selenium gets /usr/bin/chromedriver, so its driver manager never reaches the network.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "browser-test-admin-1"
OWNER = ("owner@example.com", "owner-password-123")
COLLEAGUE = ("colleague@example.com", "colleague-password-123")
WIDTH = 375  # the narrowest phone the portal must work on
WAIT_SECONDS = 20


class PortalTest:
    def __init__(self, base, screenshots):
        self.base = base
        self.portal = base + "portal/"
        self.screenshots = screenshots
        self.step = 0
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={WIDTH},1000"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.wait = WebDriverWait(self.driver, WAIT_SECONDS)

    # MARK: helpers

    def shot(self, name):
        self.step += 1
        path = self.screenshots / f"{self.step:02d}-{name}.png"
        # The whole page, not just the viewport: lists grow below the fold on a phone.
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(WIDTH, max(1000, min(height + 100, 4000)))
        self.driver.save_screenshot(str(path))
        print(f"  screenshot {path.name}")

    def find(self, selector):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def text_of(self, selector, contains):
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), contains))
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def click(self, selector):
        self.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, selector))).click()

    def type_into(self, selector, text):
        element = self.find(selector)
        element.clear()
        element.send_keys(text)

    def local_storage_keys(self):
        return self.driver.execute_script("return Object.keys(window.localStorage)")

    def token_keys(self):
        return [key for key in self.local_storage_keys()
                if key.startswith("@@auth0spajs@@") or key.startswith("@@authhero-org-cache@@")]

    def portal_token(self):
        """The portal (no organization) access token the page keeps in localStorage."""
        for key in self.local_storage_keys():
            if key.startswith("@@auth0spajs@@") and "urn:authhero:management" in key:
                entry = json.loads(self.driver.execute_script("return localStorage.getItem(arguments[0])", key))
                return entry["body"]["access_token"]
        raise AssertionError("no portal token in localStorage")

    def api(self, method, path, token, body=None):
        request = urllib.request.Request(
            self.base + "api/v2/" + path, method=method, data=json.dumps(body).encode() if body else None,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            text = response.read()
            return json.loads(text) if text else None

    # MARK: steps

    def sign_in(self, email, password, sign_up=False):
        self.driver.get(self.portal)
        self.click("#sign-up" if sign_up else "#sign-in")
        self.wait.until(EC.url_contains("/u/signup" if sign_up else "/u/login"))
        self.type_into("#email", email)
        self.type_into("#password", password)
        self.shot(("sign-up-" if sign_up else "log-in-") + email.split("@")[0])
        self.find("form button[type=submit]").click()
        self.text_of("#signed-in-as", email)
        self.find("#organization-list ul, #no-organizations")

    def sign_out(self):
        self.click("#sign-out")
        self.find("#sign-in")
        left = self.token_keys()
        assert left == [], f"tokens left in localStorage after sign-out: {left}"
        self.shot("signed-out")

    def create_tenant(self, name, display_name):
        self.type_into("#tenant-name", name)
        self.type_into("#tenant-display-name", display_name)
        self.click("#create-tenant")
        self.text_of("#create-tenant-status", f"({name})")
        self.find(f'li[data-tenant="{name}"]')

    def organization_of(self, tenant):
        return self.find(f'li[data-tenant="{tenant}"]').get_attribute("data-organization")

    def open_tenant(self, tenant):
        self.driver.get(self.portal + "#/")
        self.click(f'li[data-tenant="{tenant}"] a')
        self.text_of("#tenant-title", tenant)
        self.find("#user-list ul, #no-users, #users-error")

    def listed_users(self):
        return sorted(element.get_attribute("data-email")
                      for element in self.driver.find_elements(By.CSS_SELECTOR, "#user-list li[data-email]"))

    def create_user(self, email, password):
        self.type_into("#new-user-email", email)
        self.type_into("#new-user-password", password)
        self.click("#create-user")
        self.find(f'li[data-email="{email}"]')

    def assign_role(self, email, role):
        self.click(f'li[data-email="{email}"] [data-action="roles"]')
        row = f'li[data-email="{email}"]'
        select = self.find(f"{row} .roles select")
        for option in select.find_elements(By.TAG_NAME, "option"):
            if option.text == role:
                option.click()
        self.click(f'{row} [data-action="assign-role"]')
        self.find(f'{row} .role-list li[data-role="{role}"]')

    def run(self):
        print("owner signs up and creates tenants A and B")
        self.sign_in(*OWNER, sign_up=True)
        self.shot("owner-signed-in-no-tenants")
        self.create_tenant("tenant-a", "Tenant A")
        self.create_tenant("tenant-b", "Tenant B")
        self.shot("owner-tenants-a-and-b")
        for name, expected in (("Bad Name", "name"), ("tenant-a", "tenant-a")):
            self.type_into("#tenant-name", name)
            self.click("#create-tenant")
            error = self.text_of("#tenant-name-error", expected)
            assert self.find("#tenant-name").get_attribute("aria-invalid") == "true"
            print(f"  {name!r} refused next to the field: {error}")
        self.shot("create-tenant-field-error")
        org_a, org_b = self.organization_of("tenant-a"), self.organization_of("tenant-b")

        print("a user with a role in A, another in B")
        self.open_tenant("tenant-a")
        self.create_user("worker-a@example.com", "worker-a-password-1")
        self.assign_role("worker-a@example.com", "viewer")
        self.shot("tenant-a-user-with-role")
        self.open_tenant("tenant-b")
        self.create_user("worker-b@example.com", "worker-b-password-1")
        self.shot("tenant-b-user")

        print("switching A -> B -> A keeps each organization's users and token apart")
        for tenant, organization, users in (
            ("tenant-a", org_a, ["worker-a@example.com"]),
            ("tenant-b", org_b, ["worker-b@example.com"]),
            ("tenant-a", org_a, ["worker-a@example.com"]),
        ):
            self.open_tenant(tenant)
            self.text_of("#token-org-id", organization)
            assert self.listed_users() == users, f"{tenant} lists {self.listed_users()}, expected {users}"
            self.shot(f"switched-to-{tenant}")
        keys = self.local_storage_keys()
        for organization in (org_a, org_b):
            assert any(key.startswith(f"@@authhero-org-cache@@::{organization}::@@auth0spajs@@::") for key in keys), \
                f"no entry of {organization} in localStorage: {keys}"
        assert not any(key.startswith("@@auth0spajs@@") and "::" in key and org_a in key for key in keys)
        self.sign_out()

        print("a colleague signs up; the administrator makes them an admin member of A only")
        self.sign_in(*COLLEAGUE, sign_up=True)
        colleague_id = self.driver.execute_script(
            "return JSON.parse(atob(arguments[0].split('.')[1].replace(/-/g,'+').replace(/_/g,'/'))).sub",
            self.portal_token())
        assert self.driver.find_elements(By.CSS_SELECTOR, "#no-organizations"), "a new user sees no tenant"
        self.sign_out()

        print("the administrator sees every tenant, marked as audited internal access")
        self.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
        assert self.find("#staff-marker").is_displayed(), "no internal-access marker for the administrator"
        self.find('li[data-tenant="tenant-a"]')
        self.find('li[data-tenant="tenant-b"]')
        self.shot("administrator-sees-every-tenant")
        admin_token = self.portal_token()
        self.api("POST", f"organizations/{org_a}/members", admin_token, {"members": [colleague_id]})
        self.api("POST", f"organizations/{org_a}/members/{colleague_id}/roles", admin_token,
                 {"roles": ["rol_admin"]})
        self.open_tenant("tenant-b")
        assert self.find("#staff-marker").is_displayed()
        self.text_of("#tenant-title", "tenant-b")
        self.shot("administrator-manages-tenant-b")
        self.driver.get(self.portal + "#/")
        self.sign_out()

        print("the colleague sees A, not B, and forcing B into the URL is refused by the server")
        self.sign_in(*COLLEAGUE)
        self.find('li[data-tenant="tenant-a"]')
        assert not self.driver.find_elements(By.CSS_SELECTOR, 'li[data-tenant="tenant-b"]'), "the colleague sees B"
        assert not self.find("#staff-marker").is_displayed()
        self.shot("colleague-sees-only-a")
        self.open_tenant("tenant-a")
        assert self.listed_users() == ["worker-a@example.com"]
        self.driver.get(self.portal + f"#/org/{org_a}/tenant/tenant-b")
        message = self.text_of("#users-error", "403")
        assert "worker-b" not in self.driver.page_source, "B's users leaked into the page"
        print(f"  the page says: {message}")
        self.shot("colleague-forced-tenant-b-refused")
        self.driver.get(self.portal + "#/")
        self.find('li[data-tenant="tenant-a"]')
        self.sign_out()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, type=Path, help="the folder holding the built app")
    parser.add_argument("--app", required=True, help="the app's executable name, e.g. SmokeAuth")
    parser.add_argument("--screenshots", required=True, type=Path, help="where the screenshots go")
    arguments = parser.parse_args()
    arguments.screenshots.mkdir(parents=True, exist_ok=True)
    executable = str(arguments.bin.resolve() / arguments.app)

    port = free_port()
    base = f"http://localhost:{port}/"
    with tempfile.TemporaryDirectory() as elsewhere:
        environment = dict(os.environ, PORT=str(port), BASE_URL=base, STORAGE="shared",
                           DATABASE_PATH=str(Path(elsewhere) / "control-plane.sqlite"),
                           ADMIN_EMAIL=ADMIN_EMAIL, ADMIN_PASSWORD=ADMIN_PASSWORD)
        subprocess.run([executable, "seed"], cwd=elsewhere, env=environment, check=True,
                       stdout=subprocess.DEVNULL)
        log = open(Path(elsewhere) / "server.log", "w")
        server = subprocess.Popen([executable, "serve"], cwd=elsewhere, env=environment, stdout=log,
                                  stderr=subprocess.STDOUT)
        test = None
        try:
            deadline = time.time() + 60
            while True:
                try:
                    urllib.request.urlopen(base + "portal/config.json", timeout=2).read()
                    break
                except OSError:
                    if time.time() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not serve /portal/config.json: "
                                         + (Path(elsewhere) / "server.log").read_text())
                    time.sleep(0.2)
            started = time.time()
            test = PortalTest(base, arguments.screenshots)
            test.run()
            print(f"portal browser test passed in {time.time() - started:.0f} s; screenshots in "
                  f"{arguments.screenshots}")
        except Exception:
            if test is not None:
                test.shot("failure")
                for entry in test.driver.get_log("browser"):
                    print("  browser console:", entry["message"], file=sys.stderr)
            print((Path(elsewhere) / "server.log").read_text()[-4000:], file=sys.stderr)
            raise
        finally:
            if test is not None:
                test.driver.quit()
            server.terminate()
            server.wait(timeout=30)
            log.close()


if __name__ == "__main__":
    main()

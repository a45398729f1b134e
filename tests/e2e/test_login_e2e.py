"""Login in Chromium against a real OIDC provider: npm's oidc-provider (tests/oidc/server.js), the real
Streamlit server with ``[auth]`` pointing at it, and the provider's own login form.

A leser reads but never reaches Legg til referat or Logg (not in the menu, not by URL); a redaktør opens
both; a user matched by a group claim is a redaktør; a user with no role sees only "Ingen tilgang";
logging out ends the session at the provider and back in the app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request

import pytest

from tests.e2e.conftest import ARTIFACTS, ROOT, free_port, start_server, stop_server, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

OIDC = ROOT / "tests" / "oidc"
ACCESS = """
[redaktor]
emails = ["redaktor@follo.no"]
groups = ["6f1c2b9e-0000-4000-8000-000000000001"]

[leser]
domains = ["asker.kommune.no"]
"""
NAV = '[data-testid="stSidebarNav"] a'


@pytest.fixture(scope="module")
def ports() -> tuple[int, int]:
    return free_port(), free_port()


@pytest.fixture(scope="module")
def oidc_url(ports):
    """The provider on a free localhost port, killed after the module."""
    node = shutil.which("node")
    assert node, "node is missing: `make test` installs nodejs and npm"
    assert (OIDC / "node_modules" / "oidc-provider").is_dir(), "run `make test` (npm ci --prefix tests/oidc) first"
    port, app_port = ports
    log = ARTIFACTS / f"oidc-provider-{os.getpid()}.log"
    log.parent.mkdir(exist_ok=True)
    env = os.environ | {"PORT": str(port), "REDIRECT_URI": f"http://127.0.0.1:{app_port}/oauth2callback"}
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([node, str(OIDC / "server.js")], cwd=OIDC, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, f"the OIDC provider exited with {proc.returncode}; see {log}"
            try:
                with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"the OIDC provider did not start; see {log}"
            time.sleep(0.1)
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def login_app(oidc_url, ports, seed_db, tmp_path_factory) -> str:
    """`streamlit run dashboard/serve.py` with [auth] pointing at the provider, and the access file above."""
    _, app_port = ports
    folder = tmp_path_factory.mktemp("login")
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "test-cookie-secret-for-the-login-e2e-only"

[auth.testidp]
client_id = "naeringspuls"
client_secret = "naeringspuls-test-secret"
server_metadata_url = "{oidc_url}/.well-known/openid-configuration"
client_kwargs = {{ prompt = "login" }}
""", encoding="utf-8")
    (folder / "access.toml").write_text(ACCESS, encoding="utf-8")
    (folder / "raw").mkdir()
    server = start_server(seed_db, log=ARTIFACTS / f"streamlit-login-{os.getpid()}.log", port=app_port, env={
        "STREAMLIT_SECRETS_FILES": str(secrets), "NAERINGSPULS_ACCESS": str(folder / "access.toml"),
        "NAERINGSPULS_AUDIT": str(folder / "audit.jsonl"), "NAERINGSPULS_RAW": str(folder / "raw"),
    })
    try:
        yield server.url
    finally:
        stop_server(server.process)


@pytest.fixture
def browser_page(page):
    # The provider's dev login form imports a web font; nothing may leave the machine (and it would only wait).
    page.context.route("**/fonts.googleapis.com/**", lambda route: route.abort())
    return page


def sign_in(page, app_url: str, oidc_url: str, login: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Næringspuls"
    assert page.locator(NAV).count() == 0, "no menu before signing in"
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"{oidc_url}/**")
    page.fill('input[name="login"]', login)  # the provider's own form
    page.fill('input[name="password"]', "hva-som-helst")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_url(f"{app_url}/**")
    wait_for_app(page)


def menu(page) -> list[str]:
    page.wait_for_selector(NAV)
    return [a.inner_text().strip().splitlines()[-1] for a in page.locator(NAV).all()]  # after the icon's name


def test_a_leser_reads_but_cannot_reach_upload_or_log(browser_page, login_app, oidc_url, screenshot):
    page = browser_page
    sign_in(page, login_app, oidc_url, "leser@asker.kommune.no")
    assert "Innlogget som leser@asker.kommune.no (leser)." in page.locator('[data-testid="stSidebar"]').inner_text()
    items = menu(page)
    assert {"Oversikt", "Saker", "Tema", "Enhet", "Møter", "Kalender", "Søk"} <= set(items)
    assert "Legg til referat" not in items and "Logg" not in items
    screenshot(page, "login-leser")
    for path in ("legg-til", "logg"):  # typed in: no upload form, no log
        page.goto(f"{login_app}/{path}")
        wait_for_app(page)
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        assert page.locator("h1").first.inner_text() not in ("Legg til referat", "Logg")
    screenshot(page, "login-leser-legg-til-by-url")


def test_a_redaktor_opens_upload_and_log(browser_page, login_app, oidc_url, screenshot):
    page = browser_page
    sign_in(page, login_app, oidc_url, "redaktor@follo.no")
    assert "(redaktør)" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert {"Legg til referat", "Logg"} <= set(menu(page))
    page.goto(f"{login_app}/legg-til")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Legg til referat"
    page.wait_for_selector('[data-testid="stFileUploader"]')
    page.goto(f"{login_app}/logg")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Logg"
    screenshot(page, "login-redaktor-logg")


def test_a_group_claim_makes_a_redaktor(browser_page, login_app, oidc_url):
    page = browser_page
    sign_in(page, login_app, oidc_url, "gruppe@example.org")
    assert "Innlogget som gruppe@example.org (redaktør)." in page.locator('[data-testid="stSidebar"]').inner_text()
    assert "Legg til referat" in menu(page)


def test_a_user_without_a_role_sees_only_no_access(browser_page, login_app, oidc_url, screenshot):
    page = browser_page
    sign_in(page, login_app, oidc_url, "ingen@example.org")
    assert page.locator("h1").first.inner_text() == "Ingen tilgang"
    assert "ingen@example.org" in page.locator('[data-testid="stAlert"]').first.inner_text()
    assert page.locator(NAV).count() == 0
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.goto(f"{login_app}/moter")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Ingen tilgang"
    screenshot(page, "login-ingen-tilgang")


def test_logout_ends_the_session(browser_page, login_app, oidc_url):
    page = browser_page
    sign_in(page, login_app, oidc_url, "leser@asker.kommune.no")
    page.get_by_role("button", name="Logg ut").click()
    # The provider asks to confirm ending its own session (RP-initiated logout), then sends us back.
    page.wait_for_url(f"{oidc_url}/**")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{login_app}/**")
    wait_for_app(page)
    page.get_by_role("button", name="Logg inn").wait_for(state="visible")
    page.goto(f"{login_app}/tema")
    wait_for_app(page)
    assert page.locator(NAV).count() == 0 and page.locator("h1").first.inner_text() == "Næringspuls"


def test_without_login_the_sidebar_says_local_mode(page, app_url):
    """The ordinary server of the other browser tests: no [auth], so local mode on 127.0.0.1."""
    page.goto(app_url)
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Lokal modus:").wait_for()
    assert "Lokal modus: bare tilgjengelig på denne maskinen (127.0.0.1)" in sidebar.inner_text()
    assert page.get_by_role("button", name="Logg inn").count() == 0
    assert {"Legg til referat", "Logg"} <= set(menu(page))  # the one local user is a redaktør

"""Login, roles, local mode and the launcher's address (dashboard/auth.py, dashboard/launch.py).

The browser half (a real OIDC provider, Chromium signing in) is tests/e2e/test_login_e2e.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from dashboard import auth, launch
from dashboard.auth import LESER, REDAKTOR, AccessRules, load_rules, parse_rules, role_for

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
ACCESS = """
group_claim = "groups"
[redaktor]
emails = ["Kari.Nordmann@Follo.no"]
groups = ["6F1C2B9E-0000-4000-8000-000000000001"]
[leser]
domains = ["asker.kommune.no", "@follo.no"]
groups = ["naeringspuls-lesere"]
"""
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "s" * 32,
        "microsoft": {"client_id": "app", "client_secret": "secret",
                      "server_metadata_url": "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"}}


@pytest.fixture
def rules() -> AccessRules:
    return parse_rules(tomllib.loads(ACCESS))


# --- role mapping ---------------------------------------------------------------------------


@pytest.mark.parametrize("claims, role", [
    ({"email": "kari.nordmann@follo.no"}, REDAKTOR),  # an exact e-mail beats her domain's leser rule
    ({"email": "KARI.NORDMANN@FOLLO.NO"}, REDAKTOR),  # case does not matter, in the file or the claim
    ({"email": "per@follo.no"}, LESER),  # "@follo.no" in the file is the domain follo.no
    ({"email": "ola@Asker.Kommune.no"}, LESER),
    ({"email": "ola@sub.asker.kommune.no"}, None),  # a domain is exact, never its sub-domains
    ({"email": "ola@evilasker.kommune.no"}, None),  # … nor a name ending the same way
    ({"email": "asker.kommune.no@example.org"}, None),
    ({"email": "eve@example.org"}, None),
    ({"email": "eve@example.org", "groups": ["6f1c2b9e-0000-4000-8000-000000000001"]}, REDAKTOR),  # Entra object id
    ({"email": "eve@example.org", "groups": "naeringspuls-lesere"}, LESER),  # one group as a plain string
    ({"email": "eve@example.org", "groups": ["andre"]}, None),
    ({"preferred_username": "per@follo.no"}, LESER),  # Entra ID without the optional email claim
    ({"email": "per@follo.no", "email_verified": False}, None),  # an unverified address is not trusted
    ({"name": "Uten e-post"}, None),
    ({}, None),
])
def test_role_from_emails_domains_and_groups(rules, claims, role):
    assert role_for(claims, rules) == role


def test_the_group_claim_can_be_another_claim():
    rules = parse_rules({"group_claim": "roles", "redaktor": {"groups": ["Naeringspuls.Redaktor"]}})
    assert role_for({"email": "a@b.no", "roles": ["naeringspuls.redaktor"]}, rules) == REDAKTOR
    assert role_for({"email": "a@b.no", "groups": ["naeringspuls.redaktor"]}, rules) is None


def test_the_access_file_accepts_the_norwegian_section_name():
    rules = parse_rules(tomllib.loads('["redaktør"]\nemails = ["a@b.no"]'))
    assert role_for({"email": "a@b.no"}, rules) == REDAKTOR


@pytest.mark.parametrize("text, reason", [
    ('[leser]\ndomain = ["a.no"]', "ukjent regel «domain» under [leser]"),
    ('[lesere]\ndomains = ["a.no"]', "ukjent innstilling «lesere»"),
    ('[leser]\ndomains = "a.no"', "«domains» under [leser] må være en liste"),
    ('group_claim = 3', "«group_claim» må være navnet på et claim"),
])
def test_a_mistake_in_the_access_file_is_named_and_gives_nobody_access(tmp_path, text, reason):
    path = tmp_path / "access.toml"
    path.write_text(text, encoding="utf-8")
    rules = load_rules(path)
    assert rules.problem.startswith("access.toml: ") and reason in rules.problem
    assert role_for({"email": "x@a.no"}, rules) is None


def test_a_missing_or_broken_access_file_gives_nobody_access(tmp_path):
    missing = load_rules(tmp_path / "access.toml")
    assert missing.problem == "Tilgangslisten access.toml finnes ikke, så ingen har fått tilgang ennå."
    broken = tmp_path / "broken.toml"
    broken.write_text("[leser\n", encoding="utf-8")
    assert "broken.toml er ikke gyldig TOML" in load_rules(broken).problem
    assert role_for({"email": "x@asker.kommune.no"}, load_rules(broken)) is None


def test_a_changed_access_file_applies_without_a_restart(tmp_path):
    path = tmp_path / "access.toml"
    path.write_text('[leser]\nemails = ["a@b.no"]\n', encoding="utf-8")
    assert role_for({"email": "a@b.no"}, load_rules(path)) == LESER
    path.write_text('[redaktor]\nemails = ["a@b.no"]\n# longer\n', encoding="utf-8")
    assert role_for({"email": "a@b.no"}, load_rules(path)) == REDAKTOR


def test_the_shipped_example_access_file_is_valid():
    rules = load_rules(ROOT / "data" / "access.example.toml")
    assert rules.problem is None
    assert role_for({"email": "kari.nordmann@follo.no"}, rules) == REDAKTOR
    assert role_for({"email": "ola@asker.kommune.no"}, rules) == LESER


@pytest.mark.parametrize("address, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("", False), (None, False), ("10.0.0.5", False), ("example.org", False),
])
def test_loopback_addresses(address, loopback):
    assert auth.is_loopback(address) is loopback


@pytest.mark.parametrize("env, read_only", [
    ({}, False), ({"NAERINGSPULS_READ_ONLY": "1"}, True), ({"NAERINGSPULS_READ_ONLY": "ja"}, True),
    ({"NAERINGSPULS_READ_ONLY": "0"}, False), ({"NAERINGSPULS_UPLOAD": "0"}, True),
])
def test_read_only_setting(monkeypatch, env, read_only):
    for k in ("NAERINGSPULS_READ_ONLY", "NAERINGSPULS_UPLOAD"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert auth.read_only() is read_only


# --- the launcher's address -----------------------------------------------------------------


@pytest.mark.parametrize("requested, has_auth, read_only, expected", [
    (None, False, False, "127.0.0.1"),  # local mode: this machine only
    ("", False, True, "127.0.0.1"),
    (None, True, False, "0.0.0.0"),  # login configured: served to the network
    ("127.0.0.1", False, False, "127.0.0.1"),
    ("localhost", False, False, "localhost"),
    ("0.0.0.0", True, False, "0.0.0.0"),
    ("10.1.2.3", True, False, "10.1.2.3"),
    ("0.0.0.0", False, True, "0.0.0.0"),  # read-only: nothing can be changed, so no login is needed
])
def test_launcher_address(requested, has_auth, read_only, expected):
    assert launch.decide_address(requested, auth_configured=has_auth, read_only=read_only) == expected


@pytest.mark.parametrize("requested", ["0.0.0.0", "::", "10.1.2.3", "naeringspuls.example.org"])
def test_launcher_refuses_the_network_without_login(requested):
    with pytest.raises(launch.Refused, match=f"startes ikke på {re.escape(requested)}.*NAERINGSPULS_READ_ONLY=1"):
        launch.decide_address(requested, auth_configured=False, read_only=False)


def dry_run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``python -m dashboard.launch --dry-run`` with no secrets of this machine (HOME and the working
    directory are empty), so only what the test passes counts."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("NAERINGSPULS_", "STREAMLIT_"))}
    environ |= {"HOME": str(tmp_path), "PYTHONPATH": str(ROOT)} | env
    return subprocess.run([sys.executable, "-m", "dashboard.launch", "--dry-run", *args], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=60, check=False)


def make_run_args() -> list[str]:
    """The arguments `make run` gives the launcher (its recipe, read from the Makefile)."""
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.MULTILINE)[1]
    line = next(x for x in recipe.splitlines() if "-m dashboard.launch" in x)
    assert "--server.address" not in line and "0.0.0.0" not in line
    return [a.replace("$(PORT)", "8501") for a in line.split("-m dashboard.launch", 1)[1].split()]


def test_make_run_binds_to_localhost_without_login(tmp_path):
    proc = dry_run(tmp_path, *make_run_args())
    assert proc.returncode == 0, proc.stderr
    cmd = proc.stdout.split()
    assert cmd[1:5] == ["-m", "streamlit", "run", str(ROOT / "dashboard" / "serve.py")]
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.port") + 1] == "8501"


def test_make_run_serves_the_network_with_login(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f"[auth]\nredirect_uri = '{AUTH['redirect_uri']}'\ncookie_secret = '{'s' * 32}'\n"
                       "[auth.microsoft]\nclient_id = 'app'\nclient_secret = 'x'\n"
                       f"server_metadata_url = '{AUTH['microsoft']['server_metadata_url']}'\n", encoding="utf-8")
    proc = dry_run(tmp_path, *make_run_args(), "--secrets.files", str(secrets))
    assert proc.returncode == 0, proc.stderr
    assert " --server.address 0.0.0.0 " in proc.stdout
    assert proc.stdout.rstrip().endswith(f"--secrets.files {secrets}")  # streamlit reads the same file
    (tmp_path / ".streamlit").mkdir()  # Streamlit's own place for it, in the working directory
    secrets.rename(tmp_path / ".streamlit" / "secrets.toml")
    assert " --server.address 0.0.0.0 " in dry_run(tmp_path).stdout


def test_the_launcher_refuses_the_network_without_login_unless_read_only(tmp_path):
    proc = dry_run(tmp_path, NAERINGSPULS_ADDRESS="0.0.0.0")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Næringspuls startes ikke på 0.0.0.0" in proc.stderr
    proc = dry_run(tmp_path, "--server.address", "0.0.0.0")
    assert proc.returncode == 2 and "NAERINGSPULS_ADDRESS" in proc.stderr
    proc = dry_run(tmp_path, NAERINGSPULS_ADDRESS="0.0.0.0", NAERINGSPULS_READ_ONLY="1")
    assert proc.returncode == 0 and " --server.address 0.0.0.0 " in proc.stdout


# --- the app: local mode, login, roles --------------------------------------------------------


def app(monkeypatch, db: Path, *, user: dict | None = None, access: str | None = None, tmp_path: Path | None = None,
        script: str = APP) -> AppTest:
    monkeypatch.setenv("NAERINGSPULS_DB", str(db))
    at = AppTest.from_file(script, default_timeout=60)
    if user is not None:
        at.secrets["auth"] = AUTH
        at.user = user
    if access is not None:
        (tmp_path / "access.toml").write_text(access, encoding="utf-8")
        monkeypatch.setenv("NAERINGSPULS_ACCESS", str(tmp_path / "access.toml"))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def meeting_form_shown(at: AppTest, db: Path) -> bool:
    """Møter with the seed meeting open: is its correction form ("Rett møtet …") there?"""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        at.query_params["mote"] = con.execute("SELECT min(meeting_id) FROM v_meetings").fetchone()[0]
    at.switch_page("app_pages/moter.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Møter" and at.markdown, "the meeting is shown"
    return any("Rett møtet" in e.label for e in at.expander)


def sidebar_text(at: AppTest) -> str:
    return "\n".join([c.value for c in at.sidebar.caption] + [i.value for i in at.sidebar.info])


def test_local_mode_says_so_in_the_sidebar(monkeypatch, seed_db):
    at = app(monkeypatch, seed_db)
    assert "**Lokal modus:** bare tilgjengelig på denne maskinen (127.0.0.1)" in sidebar_text(at)
    assert not [b for b in at.sidebar.button if b.label == "Logg ut"]
    at.switch_page("app_pages/legg_til.py").run()  # the single local user may add minutes
    assert at.title[0].value == "Legg til referat"


def test_local_mode_is_configured_for_this_machine_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_the_app_reads_the_address_streamlit_serves_on():
    with patch_config_options({"server.address": "0.0.0.0"}):
        assert auth.server_address() == "0.0.0.0"


def test_on_another_address_without_login_the_app_shows_no_data(monkeypatch, seed_db):
    monkeypatch.setattr(auth, "server_address", lambda: "0.0.0.0")  # `streamlit run --server.address 0.0.0.0`
    at = app(monkeypatch, seed_db)
    assert [t.value for t in at.title] == ["Næringspuls"]
    assert "uten innlogging, og viser derfor ingen data" in at.error[0].value
    assert not at.metric and not at.get("plotly_chart")
    monkeypatch.setenv("NAERINGSPULS_READ_ONLY", "1")
    at = app(monkeypatch, seed_db)
    assert at.metric, "read-only, the data is served"
    assert "**Skrivebeskyttet:**" in sidebar_text(at) and "Lokal modus" not in sidebar_text(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/legg_til.py")


def test_with_login_a_visitor_sees_only_the_login_button(monkeypatch, seed_db):
    at = app(monkeypatch, seed_db, user={})
    assert [t.value for t in at.title] == ["Næringspuls"]
    assert [b.label for b in at.button] == ["Logg inn"]
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe


def test_a_signed_in_user_without_a_role_sees_only_no_access(monkeypatch, seed_db, tmp_path):
    at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "<b>eve</b>@example.org"}, access=ACCESS,
             tmp_path=tmp_path)
    assert [t.value for t in at.title] == ["Ingen tilgang"]
    assert "Du er logget inn som **\\<b\\>eve\\</b\\>@example\\.org**" in at.error[0].value  # escaped: user data
    assert [b.label for b in at.button] == ["Logg ut"]
    assert not at.metric and not at.dataframe and not at.sidebar.caption


def test_a_broken_access_file_is_named_on_the_no_access_page(monkeypatch, seed_db, tmp_path):
    at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "ola@asker.kommune.no"},
             access='[leser]\ndomain = ["asker.kommune.no"]', tmp_path=tmp_path)
    assert at.title[0].value == "Ingen tilgang"
    assert any("ukjent regel «domain» under \\[leser\\]" in c.value for c in at.caption)


def test_a_leser_reads_but_cannot_upload_correct_or_read_the_log(monkeypatch, seed_db, tmp_path):
    at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "ola@asker.kommune.no"}, access=ACCESS,
             tmp_path=tmp_path)
    assert at.title[0].value.startswith("Næringspuls") and at.metric
    assert "Innlogget som **ola@asker\\.kommune\\.no** (leser)." in sidebar_text(at)
    for page in ("legg_til", "logg"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"app_pages/{page}.py")
    assert not meeting_form_shown(at, seed_db), "no correction forms for a leser"
    # Run on their own (as a typed-in URL would reach them), the pages stop before any form.
    for page in ("legg_til", "logg"):
        at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "ola@asker.kommune.no"}, access=ACCESS,
                 tmp_path=tmp_path, script=str(ROOT / "dashboard" / "app_pages" / f"{page}.py"))
        assert [t.value for t in at.title] == ["Ingen tilgang"]
        assert not at.get("file_uploader") and not at.button


def test_a_redaktor_can_upload_correct_and_read_the_log(monkeypatch, seed_db, tmp_path):
    from dashboard.components import correct

    at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "kari.nordmann@follo.no"}, access=ACCESS,
             tmp_path=tmp_path)
    assert "(redaktør)" in sidebar_text(at)
    assert meeting_form_shown(at, seed_db)
    at.switch_page("app_pages/legg_til.py").run()
    assert at.title[0].value == "Legg til referat" and at.get("file_uploader")
    monkeypatch.setenv("NAERINGSPULS_AUDIT", str(tmp_path / "audit.jsonl"))
    at.switch_page("app_pages/logg.py").run()
    assert at.title[0].value == "Logg" and "Loggen er tom" in at.info[0].value
    monkeypatch.setattr(auth, "current", lambda: auth.Access(auth.LOGIN, LESER, "ola@a.no", True, False))
    assert correct.enabled() is False


def test_read_only_with_login_lets_a_redaktor_read_the_log_but_change_nothing(monkeypatch, seed_db, tmp_path):
    monkeypatch.setenv("NAERINGSPULS_READ_ONLY", "1")
    at = app(monkeypatch, seed_db, user={"is_logged_in": True, "email": "kari.nordmann@follo.no"}, access=ACCESS,
             tmp_path=tmp_path)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/legg_til.py")
    assert not meeting_form_shown(at, seed_db)
    at.switch_page("app_pages/logg.py").run()
    assert at.title[0].value == "Logg"


def test_the_launcher_puts_back_half_done_uploads_and_rebuilds(monkeypatch, tmp_path):
    """`ingest.recover(raw)` runs before the server starts; a rebuild and an audit entry follow only when it
    restored something."""
    from dashboard import audit, ingest

    builds, seen = [], []
    log = tmp_path / "audit.jsonl"
    monkeypatch.setenv("NAERINGSPULS_RAW", str(tmp_path / "raw"))
    monkeypatch.setenv("NAERINGSPULS_AUDIT", str(log))
    monkeypatch.setattr(ingest, "run_build", lambda raw, db, corrections=None: builds.append(raw) or (True, {}, ""))
    monkeypatch.setattr(ingest, "recover", lambda raw: seen.append(raw) or [])
    assert launch.recover_minutes(quiet=True) == [] and seen == [tmp_path / "raw"] and builds == []
    assert not log.exists()
    monkeypatch.setattr(ingest, "recover", lambda raw: ["a.pdf"])
    assert launch.recover_minutes(quiet=True) == ["a.pdf"] and builds == [tmp_path / "raw"]
    entries, bad = audit.read(log)
    assert bad == 0 and [(e["action"], e["by"], e["files"]) for e in entries] == [("restore", "systemet", ["a.pdf"])]

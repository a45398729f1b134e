"""Who may use the dashboard, and what they may do.

Three ways to run it:

* **Login** (an ``[auth]`` section in Streamlit's secrets): people sign in with
  Streamlit's own OIDC (``st.login``; Microsoft Entra ID or any OIDC provider),
  and the access file (``$NAERINGSPULS_ACCESS``, default ``data/access.toml``)
  gives each one a role by e-mail, e-mail domain or group claim. Someone who
  matches no rule sees a "no access" page and nothing else.
* **Local mode** (no ``[auth]``): a single-user tool on this machine, bound to
  127.0.0.1; the one user is a redaktør.
* **Read-only** (``NAERINGSPULS_READ_ONLY=1``, or ``NAERINGSPULS_UPLOAD=0``):
  nobody can upload, remove or correct anything. This is the only way to serve
  to the network without login; everyone is then a leser.

The rules themselves (``load_rules``, ``role_for``, ``read_only``, ``is_loopback``) need no
Streamlit, so the launcher and the tests use them directly.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.audit import LOCAL_USER
from dashboard.db import REPO_ROOT, env_path
from dashboard.ingest import upload_enabled

LESER, REDAKTOR = "leser", "redaktør"
ROLE_LABELS = {LESER: "leser", REDAKTOR: "redaktør"}
DEFAULT_ACCESS = REPO_ROOT / "data" / "access.toml"
DEFAULT_GROUP_CLAIM = "groups"  # Entra ID's group claim (object ids); "roles" for app roles
_RULE_KINDS = ("emails", "domains", "groups")
# Section names in the access file: ASCII for TOML's bare keys, "redaktør" accepted when quoted.
_SECTIONS = {"leser": LESER, "redaktor": REDAKTOR, "redaktør": REDAKTOR}
_TRUE = ("1", "true", "ja", "yes", "on")


def read_only() -> bool:
    """Nothing can be changed: ``NAERINGSPULS_READ_ONLY=1``, or uploads switched off (``NAERINGSPULS_UPLOAD=0``)."""
    return os.environ.get("NAERINGSPULS_READ_ONLY", "").strip().lower() in _TRUE or not upload_enabled()


def access_path() -> Path:
    return env_path("NAERINGSPULS_ACCESS", DEFAULT_ACCESS)


def is_loopback(address: str | None) -> bool:
    """True for an address only this machine can reach. None or "" binds every interface: not loopback."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


# --- the access file --------------------------------------------------------------------


@dataclass(frozen=True)
class AccessRules:
    """Per role, the e-mails, e-mail domains and group-claim values that give it (all lower case)."""

    rules: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    group_claim: str = DEFAULT_GROUP_CLAIM
    problem: str | None = None  # Norwegian: why the file could not be used (then nobody has access)


def parse_rules(data: Mapping, name: str = "access.toml") -> AccessRules:
    """The rules in a parsed access file; raises ValueError (Norwegian, naming ``name``) for anything unexpected,
    so that a typo (``domain =``) is reported instead of quietly giving nobody access."""
    rules: dict[str, dict[str, frozenset[str]]] = {}
    group_claim = DEFAULT_GROUP_CLAIM
    for key, value in data.items():
        if key == "group_claim":
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{name}: «group_claim» må være navnet på et claim, f.eks. \"groups\".")
            group_claim = value.strip()
            continue
        role = _SECTIONS.get(key.lower())
        if role is None or not isinstance(value, Mapping):
            raise ValueError(f"{name}: ukjent innstilling «{key}». Bruk [leser], [redaktor] og group_claim.")
        section = rules.setdefault(role, {k: frozenset() for k in _RULE_KINDS})
        for kind, items in value.items():
            if kind not in _RULE_KINDS:
                raise ValueError(f"{name}: ukjent regel «{kind}» under [{key}]. Bruk emails, domains eller groups.")
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ValueError(f"{name}: «{kind}» under [{key}] må være en liste med tekster, f.eks. [\"a@b.no\"].")
            cleaned = {i.strip().lower() for i in items if i.strip()}
            if kind == "domains":
                cleaned = {d.lstrip("@") for d in cleaned}
            section[kind] = section[kind] | cleaned
    return AccessRules(rules, group_claim)


def load_rules(path: Path | None = None) -> AccessRules:
    """The access file's rules; a missing or broken file gives nobody access and says why."""
    path = Path(path) if path is not None else access_path()
    try:
        stat = path.stat()
    except OSError:
        return AccessRules(problem=f"Tilgangslisten {path.name} finnes ikke, så ingen har fått tilgang ennå.")
    return _load_rules(str(path), (stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _load_rules(path_text: str, _stamp: tuple[int, int]) -> AccessRules:
    """Parsed once per version of the file: a change applies at the next page run, without a restart."""
    path = Path(path_text)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return parse_rules(data, path.name)
    except (OSError, UnicodeDecodeError) as exc:
        return AccessRules(problem=f"Tilgangslisten {path.name} kan ikke leses ({type(exc).__name__}).")
    except tomllib.TOMLDecodeError as exc:
        return AccessRules(problem=f"Tilgangslisten {path.name} er ikke gyldig TOML ({exc}).")
    except ValueError as exc:
        return AccessRules(problem=str(exc))


def user_email(claims: Mapping) -> str | None:
    """The e-mail a user is matched by: ``email``, else Entra ID's ``preferred_username`` when it is an address
    (Entra leaves out ``email`` unless it is configured as an optional claim). An e-mail the provider marks as
    not verified is not used."""
    if claims.get("email_verified") is False:
        return None
    for claim in ("email", "preferred_username"):
        value = claims.get(claim)
        if isinstance(value, str) and "@" in value:
            return value.strip().lower()
    return None


def _groups(claims: Mapping, claim: str) -> set[str]:
    value = claims.get(claim)
    if isinstance(value, str):  # some providers send one group as a plain string
        value = [value]
    if not isinstance(value, (list, tuple)):
        return set()
    return {str(v).strip().lower() for v in value}


def role_for(claims: Mapping, rules: AccessRules) -> str | None:
    """The role the rules give a signed-in user's claims, or None. Redaktør wins over leser."""
    if rules.problem:
        return None
    email = user_email(claims)
    domain = email.rsplit("@", 1)[1] if email else None
    groups = _groups(claims, rules.group_claim)
    for role in (REDAKTOR, LESER):
        r = rules.rules.get(role)
        if r and ((email and email in r["emails"]) or (domain and domain in r["domains"]) or groups & r["groups"]):
            return role
    return None


# --- the current session (Streamlit) --------------------------------------------------------


LOCAL, LOGIN = "local", "login"


@dataclass(frozen=True)
class Access:
    mode: str  # LOCAL or LOGIN
    role: str | None  # LESER, REDAKTOR, or None (not signed in, or no rule matches)
    user: str  # the e-mail (or name) of the signed-in user; LOCAL_USER in local mode
    logged_in: bool
    read_only: bool
    problem: str | None = None  # Norwegian: why a signed-in user has no role (a broken access file)

    @property
    def can_edit(self) -> bool:
        """Upload, remove and correct (a redaktør, and the dashboard is not read-only)."""
        return self.role == REDAKTOR and not self.read_only

    @property
    def is_editor(self) -> bool:
        """A redaktør: may read the audit log, also in a read-only dashboard."""
        return self.role == REDAKTOR


def auth_section() -> dict:
    """Streamlit's ``[auth]`` secrets section ({} when there is none: local mode)."""
    import streamlit as st

    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        section = st.secrets.get("auth")
    except (FileNotFoundError, OSError):
        return {}
    return section.to_dict() if hasattr(section, "to_dict") else dict(section or {})


def providers(section: Mapping) -> list[str]:
    """The providers ``st.login`` can use: "default" for a flat ``[auth]``, else one per ``[auth.<name>]``."""
    named = [k for k, v in section.items() if isinstance(v, Mapping) and ("client_id" in v or "server_metadata_url" in v)]
    return named or (["default"] if section.get("client_id") else [])


def current() -> Access:
    """Who is using this session, and with which role."""
    import streamlit as st

    ro = read_only()
    if not auth_section():
        # One person on this machine; served read-only to the network, everyone is only a reader.
        return Access(LOCAL, LESER if ro else REDAKTOR, LOCAL_USER, logged_in=False, read_only=ro)
    claims = st.user.to_dict()
    if not claims.get("is_logged_in"):
        return Access(LOGIN, None, "", logged_in=False, read_only=ro)
    rules = load_rules()
    name = user_email(claims) or str(claims.get("name") or claims.get("sub") or "innlogget bruker")
    return Access(LOGIN, role_for(claims, rules), name, logged_in=True, read_only=ro, problem=rules.problem)


def server_address() -> str | None:
    from streamlit import config

    return config.get_option("server.address")


def serving_allowed(access: Access) -> bool:
    """Data is served only on this machine, behind login, or read-only (the launcher refuses the rest, and
    this catches ``streamlit run --server.address 0.0.0.0`` without it)."""
    return access.mode == LOGIN or access.read_only or is_loopback(server_address())


def user_label() -> str:
    """Who an action is recorded as in the audit log: the signed-in user's e-mail, else "lokal bruker"."""
    access = current()
    return access.user if access.logged_in else LOCAL_USER


# --- what is shown instead of the dashboard -------------------------------------------------


def sidebar(access: Access) -> None:
    """Who is signed in (and a logout button), or that this is local mode / a read-only dashboard."""
    import streamlit as st

    from dashboard.components.text import escape_markdown

    if access.logged_in:
        role = ROLE_LABELS.get(access.role or "", "ingen tilgang")
        st.caption(f"Innlogget som **{escape_markdown(access.user)}** ({role}).")
        st.button("Logg ut", key="auth.logg-ut", icon=":material/logout:", on_click=st.logout)
    elif access.mode == LOCAL and is_loopback(server_address()):
        st.info("**Lokal modus:** bare tilgjengelig på denne maskinen (127.0.0.1), uten innlogging. "
                "Endringer logges som «lokal bruker». Se README for innlogging og deling.", icon=":material/computer:")
    if access.read_only:
        st.info("**Skrivebeskyttet:** ingen kan legge til, fjerne eller rette referater her.", icon=":material/lock:")


def login_page() -> None:
    import streamlit as st

    st.title("Næringspuls")
    st.write("Logg inn med jobbkontoen din for å se referatene fra faggruppen for Næringssamarbeid.")
    names = providers(auth_section())
    for name in names:
        label = "Logg inn" if len(names) == 1 else f"Logg inn med {name.capitalize()}"
        st.button(label, key=f"auth.logg-inn.{name}", type="primary", icon=":material/login:", on_click=st.login,
                  args=(None if name == "default" else name,))
    if not names:
        st.error("Innloggingen er ikke satt opp riktig: [auth] i secrets.toml nevner ingen OIDC-leverandør.")


def no_access_page(access: Access) -> None:
    import streamlit as st

    from dashboard.components.text import escape_markdown

    st.title("Ingen tilgang")
    st.error(f"Du er logget inn som **{escape_markdown(access.user)}**, men har ikke tilgang til Næringspuls.",
             icon=":material/block:")
    st.write("Be den som drifter Næringspuls om å legge deg, domenet ditt eller gruppen din inn i tilgangslisten.")
    if access.problem:
        st.caption(escape_markdown(access.problem))
    st.button("Logg ut", key="auth.logg-ut-ingen", icon=":material/logout:", on_click=st.logout)


def refused_page() -> None:
    import streamlit as st

    st.title("Næringspuls")
    st.error("Dashbordet er startet for nettverket uten innlogging, og viser derfor ingen data. Start det med "
             "`make run` (bare denne maskinen), sett opp innlogging ([auth] i .streamlit/secrets.toml), eller "
             "sett NAERINGSPULS_READ_ONLY=1 for en skrivebeskyttet visning.", icon=":material/gpp_bad:")


def forbidden() -> None:
    """Stop a page only a redaktør may use (also when its URL is typed in, or it is run on its own)."""
    import streamlit as st

    st.title("Ingen tilgang")
    st.warning("Denne siden er bare for redaktører.", icon=":material/lock:")
    st.stop()


def require_editor(*, reading: bool = False) -> Access:
    """The session's access, when it may use a redaktør's page (``reading``: one that changes nothing, such as
    the audit log, also in a read-only dashboard); else the page stops with a Norwegian notice."""
    access = current()
    if not ((access.is_editor if reading else access.can_edit) and serving_allowed(access)):
        forbidden()
    return access

"""``python -m dashboard.launch``: start the dashboard as ``make run`` does, on an address that is safe.

* Without login (no ``[auth]`` in Streamlit's secrets) it listens on 127.0.0.1 only: a single-user tool.
* With login it listens on every interface (``0.0.0.0``).
* ``NAERINGSPULS_ADDRESS`` asks for another address. A non-loopback address without login is refused,
  unless the dashboard is read-only (``NAERINGSPULS_READ_ONLY=1``): then nobody can change anything.

Before starting it restores minutes a killed upload left half-done (``ingest.recover``) and rebuilds the
warehouse when it restored any. ``--dry-run`` prints the streamlit command instead of running it.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from dashboard import audit, auth, corrections, db, ingest

APP = Path(__file__).resolve().parent / "serve.py"
LOOPBACK = "127.0.0.1"
EVERYWHERE = "0.0.0.0"


class Refused(Exception):
    """Serving as asked would expose a dashboard anyone could change (the message is for the operator)."""


def decide_address(requested: str | None, *, auth_configured: bool, read_only: bool) -> str:
    """The address to listen on: ``requested`` (``NAERINGSPULS_ADDRESS``) if it is safe, else raises Refused."""
    requested = (requested or "").strip()
    if not requested:
        return EVERYWHERE if auth_configured else LOOPBACK
    if auth.is_loopback(requested) or auth_configured or read_only:
        return requested
    raise Refused(
        f"Næringspuls startes ikke på {requested}: uten innlogging kan alle på nettverket legge til, fjerne og "
        "rette referater. Sett opp innlogging ([auth] i .streamlit/secrets.toml, se README «Login and roles»), "
        "eller sett NAERINGSPULS_READ_ONLY=1 for en skrivebeskyttet visning. "
        "Uten NAERINGSPULS_ADDRESS kjører dashbordet bare på denne maskinen (127.0.0.1)."
    )


def secrets_files(extra: list[str]) -> list[str]:
    """Secrets files named as ``streamlit run`` would take them: ``--secrets.files`` or STREAMLIT_SECRETS_FILES."""
    files = [a.split("=", 1)[1] for a in extra if a.startswith("--secrets.files=")]
    files += [extra[i + 1] for i, a in enumerate(extra[:-1]) if a == "--secrets.files"]
    return files or os.environ.get("STREAMLIT_SECRETS_FILES", "").split()


def auth_configured(files: list[str] | None = None) -> bool:
    """Is there an ``[auth]`` section in the secrets Streamlit will read (``files``, else its own search path
    and ``secrets.files`` in config.toml), with at least one provider?"""
    from streamlit import config
    from streamlit.runtime.secrets import secrets_singleton

    if files:
        config.set_option("secrets.files", files)
    # A broken secrets file reads as none (Streamlit logs why): the dashboard then stays on this machine.
    if not secrets_singleton.load_if_toml_exists():
        return False
    section = secrets_singleton.get("auth")
    return bool(section) and bool(auth.providers(section.to_dict() if hasattr(section, "to_dict") else section))


def streamlit_command(address: str, port: int, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", address,
            "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false", *extra]


def recover_minutes(*, quiet: bool = False) -> list[str]:
    """Put back minutes a killed upload left half-done, and rebuild when any were; the names restored.
    The restore is written to the audit log, so a redaktør sees why a file came back."""
    raw = ingest.raw_dir()
    restored = list(ingest.recover(raw))
    if restored:
        audit.record(audit.audit_path(raw), audit.RESTORE, audit.SYSTEM_USER, files=restored,
                     outcome="satt tilbake etter en avbrutt opplasting eller fjerning")
        if not quiet:
            print(f"Satte tilbake {len(restored)} referat(er) etter en avbrutt opplasting: {', '.join(restored)}. "
                  "Bygger databasen på nytt …", file=sys.stderr)
        path = db.db_path()
        ingest.run_build(raw, path, corrections.corrections_path(path))
    return restored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.launch", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8501))
    parser.add_argument("--dry-run", action="store_true", help="print the streamlit command, do not start it")
    args, extra = parser.parse_known_args(argv)
    if any(a.startswith("--server.address") for a in extra):
        print("Bruk NAERINGSPULS_ADDRESS for å velge adresse (launcheren sjekker at den er trygg).", file=sys.stderr)
        return 2
    has_auth = auth_configured(secrets_files(extra))
    try:
        address = decide_address(os.environ.get("NAERINGSPULS_ADDRESS"), auth_configured=has_auth,
                                 read_only=auth.read_only())
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 2
    cmd = streamlit_command(address, args.port, extra)
    if args.dry_run:
        print(shlex.join(cmd))
        return 0
    recover_minutes()
    where = "bare på denne maskinen" if auth.is_loopback(address) else "på nettverket"
    how = "med innlogging" if has_auth else ("skrivebeskyttet" if auth.read_only() else "lokal modus")
    print(f"Næringspuls ({how}) kjører {where}: http://{address}:{args.port}", file=sys.stderr)
    sys.stdout.flush()
    os.execv(sys.executable, cmd)  # streamlit takes over this process: Ctrl-C and signals reach it directly
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())

"""Start the app: `python -m ui.serve [options of streamlit run]`, what
scripts/run does.

It refuses to start on an address other machines can reach unless sign-in
is configured ([auth] in a secrets file) or the roles file chooses the
read-only public mode (interface/access.exposure), and says how to
configure it. It also keeps Streamlit from looking up the machine's
external address at start-up (a request leaving the machine, made when the
address is every interface): the address to show is given instead. The app
checks the same rule again on every visit (ui/access.gate), for a server
started without this script."""
from __future__ import annotations

import os
import socket
import sys
import tomllib
from pathlib import Path

from interface import access
from interface.i18n import DEFAULT, LANGUAGES, t

ROOT = Path(__file__).resolve().parents[1]
WILDCARDS = ("", "0.0.0.0", "::")


def option(args: list, name: str) -> list:
    """Every value given to `--name` on the command line (`--name v` or `--name=v`)."""
    found = []
    for i, arg in enumerate(args):
        if arg == f"--{name}" and i + 1 < len(args):
            found.append(args[i + 1])
        elif arg.startswith(f"--{name}="):
            found.append(arg.split("=", 1)[1])
    return found


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def config_value(args: list, env, section: str, key: str, home: Path) -> str | None:
    """A Streamlit option as Streamlit resolves it: the command line, then
    STREAMLIT_<SECTION>_<KEY>, then the project's .streamlit/config.toml,
    then the user's ~/.streamlit/config.toml."""
    given = option(args, f"{section}.{key}")
    if given:
        return given[-1]
    variable = f"STREAMLIT_{section}_{key}".upper()
    if variable in env:
        return env[variable]
    for path in (ROOT / ".streamlit" / "config.toml", home / ".streamlit" / "config.toml"):
        value = _toml(path).get(section, {}).get(key)
        if value is not None:
            return str(value)
    return None


def sign_in_configured(args: list, home: Path) -> bool:
    """Whether a secrets file Streamlit reads has an [auth] section."""
    files = [Path(f) for f in option(args, "secrets.files")] or [ROOT / ".streamlit" / "secrets.toml",
                                                                   home / ".streamlit" / "secrets.toml"]
    return any("auth" in _toml(f) for f in files if f.suffix == ".toml")


def streamlit_command(args: list, env=os.environ, home: Path = Path.home()) -> tuple[list | None, str | None]:
    """(the command to run, None) or (None, why not, in the operator's language)."""
    lang = env.get("PASSERELLES_LANG", DEFAULT)
    lang = lang if lang in LANGUAGES else DEFAULT
    address = config_value(args, env, "server", "address", home) or ""
    try:
        rules = access.policy_at(access.roles_path(env))
    except access.PolicyError as exc:
        return None, t("access.roles_error", lang, path=str(access.roles_path(env)),
                       error=t(f"access.{exc.code}", lang, **exc.values))
    if access.exposure(address, sign_in_configured(args, home), rules):
        return None, t("access.refuse_start", lang, address=address or "0.0.0.0", how=t("access.how", lang))
    extra = []
    if not access.is_loopback(address) and config_value(args, env, "browser", "serverAddress", home) is None:
        # the address people use, given: Streamlit then asks no outside service for the machine's address
        extra = ["--browser.serverAddress", socket.gethostname() if address in WILDCARDS else address]
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), *extra, *args], None


def main(args: list) -> int:
    command, refusal = streamlit_command(args)
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    os.chdir(ROOT)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

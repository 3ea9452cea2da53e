"""Starting the app (ui/serve.py, what scripts/run does): refused on an
address other machines reach without sign-in or the public mode; no
request leaves the machine at start-up, whatever the address."""
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from conftest import ROOT
from test_browser import free_port, served

from ui.serve import streamlit_command


def test_refused_on_every_interface_without_sign_in(tmp_path):
    env = {"PASSERELLES_ROLES": str(tmp_path / "roles.toml")}
    command, refusal = streamlit_command(["--server.address", "0.0.0.0"], env, home=tmp_path)
    assert command is None and refusal.startswith("Passerelles ne démarre pas sur 0.0.0.0")
    assert "[auth]" in refusal and "127.0.0.1" in refusal
    _, english = streamlit_command(["--server.address=192.168.1.10"], dict(env, PASSERELLES_LANG="en"), home=tmp_path)
    assert english.startswith("Passerelles does not start on 192.168.1.10")
    # Streamlit's own ways of giving the address count too
    assert streamlit_command([], dict(env, STREAMLIT_SERVER_ADDRESS="0.0.0.0"), home=tmp_path)[0] is None


def test_started_on_this_machine_as_before(tmp_path):
    env = {"PASSERELLES_ROLES": str(tmp_path / "roles.toml")}
    command, refusal = streamlit_command(["--server.port", "8600"], env, home=tmp_path)    # 127.0.0.1: config.toml
    assert refusal is None and command[-2:] == ["--server.port", "8600"]
    assert "--browser.serverAddress" not in command


def test_started_for_a_team_once_sign_in_is_configured(tmp_path):
    env = {"PASSERELLES_ROLES": str(tmp_path / "roles.toml")}
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nclient_id = "x"\n')
    command, refusal = streamlit_command(["--server.address", "0.0.0.0", "--secrets.files", str(secrets)], env,
                                         home=tmp_path)
    assert refusal is None
    at = command.index("--browser.serverAddress")
    assert command[at + 1] == socket.gethostname()
    (home := tmp_path / "user").mkdir()
    (home / ".streamlit").mkdir()
    (home / ".streamlit" / "secrets.toml").write_text('[auth]\nclient_id = "x"\n')
    assert streamlit_command(["--server.address", "0.0.0.0"], env, home=home)[1] is None


def test_a_roles_file_that_cannot_be_read_stops_the_start(tmp_path):
    (tmp_path / "roles.toml").write_text('[roles]\n"a@b.org" = "chef"\n')
    _, refusal = streamlit_command([], {"PASSERELLES_ROLES": str(tmp_path / "roles.toml")}, home=tmp_path)
    assert "« chef » n'est pas un rôle" in refusal


class Proxy:
    """A proxy that answers nothing and counts who came: set as HTTP(S)_PROXY,
    it sees every request Streamlit makes to the outside."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.came = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            connection.settimeout(2)
            try:
                self.came.append(connection.recv(200).decode(errors="replace").split("\r\n")[0])
            except OSError:
                self.came.append("?")
            connection.close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"


def start(command, tmp_path, proxy, extra_env=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STREAMLIT_"))}
    env.update(PASSERELLES_HOME=str(tmp_path / "ws"), PASSERELLES_ROLES=str(tmp_path / "roles.toml"),
               HTTP_PROXY=proxy.url, HTTPS_PROXY=proxy.url, NO_PROXY="", **(extra_env or {}))
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_no_request_leaves_the_machine_at_start_up_on_every_interface(tmp_path):
    """The public mode on 0.0.0.0 through ui.serve: served, and the proxy
    saw nothing. Streamlit started the same way by hand asks an outside
    service for the machine's address: the proxy sees that (the check
    would see a request if there were one)."""
    (tmp_path / "roles.toml").write_text("[instance]\npublic = true\n")
    proxy = Proxy()
    port = free_port()
    ours = start([sys.executable, "-m", "ui.serve", "--server.address", "0.0.0.0", "--server.port", str(port),
                  "--server.headless", "true"], tmp_path, proxy)
    try:
        assert served(f"http://127.0.0.1:{port}", ours)
        time.sleep(3)                   # the lookup runs as the address is printed, right after start
    finally:
        ours.terminate()
        log = ours.communicate(timeout=30)[0]
    assert proxy.came == [], (proxy.came, log)
    assert "External URL" not in log

    port = free_port()
    by_hand = start([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0",
                     "--server.port", str(port), "--server.headless", "true"], tmp_path, proxy)
    try:
        assert served(f"http://127.0.0.1:{port}", by_hand)
        for _ in range(50):
            if proxy.came:
                break
            time.sleep(0.1)
    finally:
        by_hand.terminate()
        by_hand.communicate(timeout=30)
    assert any("checkip" in line for line in proxy.came), proxy.came


def test_the_refusal_is_a_process_that_does_not_start(tmp_path):
    port = free_port()
    proc = start([sys.executable, "-m", "ui.serve", "--server.address", "0.0.0.0", "--server.port", str(port)],
                 tmp_path, Proxy())
    out = proc.communicate(timeout=60)[0]
    assert proc.returncode == 2 and "ne démarre pas sur 0.0.0.0" in out
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_an_upload_from_another_site_is_refused(tmp_path):
    """XSRF protection is on: a file sent without the token the page holds
    (what a form on another site would send) is refused before it is read."""
    port = free_port()
    proc = start([sys.executable, "-m", "ui.serve", "--server.port", str(port), "--server.headless", "true"],
                 tmp_path, Proxy())
    try:
        assert served(f"http://127.0.0.1:{port}", proc)
        body = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                b"Content-Type: text/csv\r\n\r\nLabel\r\nIntrus\r\n--b--\r\n")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/_stcore/upload_file/some-session/some-file",
                                         data=body, method="PUT",
                                         headers={"Content-Type": "multipart/form-data; boundary=b",
                                                  "Origin": "https://ailleurs.example"})
        try:
            urllib.request.urlopen(request, timeout=10)
            status, text = 200, ""
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert status == 403 and "XSRF" in text

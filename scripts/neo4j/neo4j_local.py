#!/usr/bin/env python3
"""Run a real local Neo4j 5.26 Community server built from Maven Central jars.

Subcommands (see README.md next to this file):

    fetch                 collect the server's jars into the cache (once)
    start  [--dir RUNDIR] start a server, print `export NEO4J_...=...` lines
    stop   [--dir RUNDIR] SIGTERM, wait, SIGKILL fallback (idempotent)
    status [--dir RUNDIR] exit 0 if running, 3 if not
    kill   [--dir RUNDIR] SIGKILL at once (simulates a crash)

Typical use:  eval "$(python neo4j/neo4j_local.py start)"

Standalone on purpose: stdlib only, and it never imports the graph071 package,
so it can bootstrap a test database before the project itself is installed.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"

MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"  # what `neo4j-admin` finally runs
MIN_JAVA = 17  # Neo4j 5.26 runs on Java 17 or 21

HEAP = "3g"  # one push is one transaction: 100,000 relationships need ~1.2 GB of it
HEAP_INITIAL = HEAP  # no heap growing (and collecting) in the middle of a big push
PAGECACHE = "512m"

DEFAULT_RUNDIR = ".neo4j-run"
STATE_FILE = "server.json"
MARKER_FILE = "fetched.json"
EXIT_NOT_RUNNING = 3  # like LSB init scripts' `status`

# JVM flags taken from the `server.jvm.additional` lines of the official 5.26
# neo4j.conf; the official bootloader puts these on the java command line, and
# since we start CommunityEntryPoint directly we have to do the same.
# Left out on purpose: -XX:+AlwaysPreTouch (slows start-up) and the profiling
# flags. Added: ExitOnOutOfMemoryError, so a test run fails fast instead of
# hanging on a thrashing JVM.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]


class Fail(Exception):
    """An expected failure: reported as one line on stderr, no traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


# --------------------------------------------------------------------------
# Tools: java and maven
# --------------------------------------------------------------------------


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home, "bin", "java") if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if not java:
        raise Fail(f"java not found: install a JDK {MIN_JAVA} or 21 (or set JAVA_HOME)")
    major = java_major_version(java)
    if major < MIN_JAVA:
        raise Fail(f"{java} is Java {major}; Neo4j 5.26 needs Java {MIN_JAVA} or 21")
    return java


def java_major_version(java: str) -> int:
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60
        ).stderr
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Fail(f"cannot run {java}: {exc}") from None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        raise Fail(f"cannot tell the Java version from `{java} -version`")
    major = int(match.group(1))
    # Java 8 and older report themselves as "1.x".
    return int(match.group(2) or 0) if major == 1 else major


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise Fail("mvn not found: install Maven 3 (needed once, by `fetch`)")
    return mvn


# --------------------------------------------------------------------------
# fetch: jars into the cache
# --------------------------------------------------------------------------


def default_cache_dir() -> Path:
    # $GRAPH071_CACHE stands in for ~/.cache/graph071, the project's cache root.
    root = os.environ.get("GRAPH071_CACHE")
    base = Path(root) if root else Path.home() / ".cache" / "graph071"
    return base / "neo4j-5.26"


def pom_neo4j_version() -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    try:
        node = ET.parse(POM).getroot().find("m:properties/m:neo4j.version", ns)
    except (OSError, ET.ParseError) as exc:
        raise Fail(f"cannot read {POM}: {exc}") from None
    version = (node.text or "").strip() if node is not None else ""
    if not version:
        raise Fail(f"{POM} has no <neo4j.version> property")
    return version


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise concurrent fetches (e.g. parallel test workers) on one cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def lib_dir(cache: Path) -> Path:
    return cache / "lib"


def is_fetched(cache: Path, version: str) -> bool:
    try:
        marker = json.loads((cache / MARKER_FILE).read_text())
    except (OSError, ValueError):
        return False
    return marker.get("neo4j_version") == version and lib_dir(cache).is_dir()


def fetch(cache: Path, quiet: bool = False) -> Path:
    """Make sure the server's jars are in cache/lib; return that folder."""
    version = pom_neo4j_version()
    if is_fetched(cache, version):
        if not quiet:
            say(f"neo4j {version} already in {lib_dir(cache)}")
        return lib_dir(cache)
    with locked(cache / ".lock"):
        if is_fetched(cache, version):  # another process won the race
            return lib_dir(cache)
        mvn = find_maven()
        started = time.monotonic()
        say(f"fetching neo4j {version} jars from Maven Central into {cache} ...")
        download_jars(mvn, cache, version)
        jars = len(list(lib_dir(cache).glob("*.jar")))
        marker = {"neo4j_version": version, "jars": jars, "fetched_at": time.time()}
        write_json(cache / MARKER_FILE, marker)
        say(f"fetched {jars} jars in {time.monotonic() - started:.1f}s")
    return lib_dir(cache)


def download_jars(mvn: str, cache: Path, version: str) -> None:
    # Download next to the final folder and swap it in only when complete, so
    # an interrupted fetch never leaves a half-filled lib/ behind the marker.
    partial = cache / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    log = cache / "fetch.log"
    cmd = [
        mvn,
        "-B",
        "-q",
        "-Dstyle.color=never",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={partial}",
    ]
    with open(log, "w") as out:
        try:
            rc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT).returncode
        except OSError as exc:
            raise Fail(f"cannot run maven: {exc}") from None
    if rc != 0:
        raise Fail(
            f"maven could not fetch the jars (exit {rc}; is Maven Central reachable?): "
            f"{first_error_line(log)} (full log: {log})"
        )
    if not (partial / f"neo4j-{version}.jar").is_file():
        raise Fail(f"maven ran but neo4j-{version}.jar is missing in {partial}")
    shutil.rmtree(lib_dir(cache), ignore_errors=True)
    partial.rename(lib_dir(cache))


def first_error_line(log: Path) -> str:
    # Maven 3.8 sprinkles ANSI resets even in batch mode; strip them.
    text = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(errors="replace"))
    lines = text.splitlines()
    errors = [
        ln for ln in lines if ln.startswith("[ERROR]") and ln.strip() != "[ERROR]"
    ]
    return (errors or lines or ["no output"])[0].removeprefix("[ERROR] ").strip()


# --------------------------------------------------------------------------
# Run directory state
# --------------------------------------------------------------------------


@dataclass
class ServerState:
    pid: int | None
    port: int
    password: str
    uri: str
    user: str = "neo4j"
    database: str = "neo4j"
    version: str = ""
    home: str = ""


def state_path(rundir: Path) -> Path:
    return rundir / STATE_FILE


def load_state(rundir: Path) -> ServerState | None:
    try:
        raw = json.loads(state_path(rundir).read_text())
        return ServerState(**raw)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise Fail(f"unreadable {state_path(rundir)}: {exc}") from None


def save_state(rundir: Path, state: ServerState) -> None:
    write_json(state_path(rundir), asdict(state))


def write_json(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    tmp.replace(path)  # atomic: readers never see half a file


# --------------------------------------------------------------------------
# Processes
# --------------------------------------------------------------------------


def is_our_server(pid: int | None, rundir: Path) -> bool:
    """True if pid is alive and is the server of this rundir.

    Checking the command line guards against a recycled pid: we must never
    signal some unrelated process that happens to have the old number.
    """
    if not pid or not pid_alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():  # no /proc (e.g. macOS): trust the pid
        return True
    try:
        args = cmdline.read_bytes().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in args and f"--home-dir={rundir}".encode() in args


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # The server outlives `start`, so it is re-parented; where nobody reaps
    # it (PID 1 in some containers) a dead server lingers as a zombie.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.2)
    return not pid_alive(pid)


# --------------------------------------------------------------------------
# Bolt
# --------------------------------------------------------------------------

BOLT_MAGIC = b"\x60\x60\xb0\x17"
# Proposals: 5.0-5.8 as a range, then 4.4, then two empty slots.
BOLT_PROPOSALS = bytes([0, 8, 8, 5, 0, 0, 4, 4]) + bytes(8)


def bolt_answers(port: int, timeout: float = 2.0) -> bool:
    """Do a real Bolt handshake: the server must agree on a protocol version.

    A plain TCP connect is not enough: the port may be bound before the
    server is ready to talk.
    """
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(BOLT_MAGIC + BOLT_PROPOSALS)
            reply = recv_exact(sock, 4)
    except OSError:
        return False
    return reply is not None and struct.unpack(">I", reply)[0] != 0


def recv_exact(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As Neo4j binds: old connections in TIME_WAIT do not block a restart.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_loopback_port() -> int:
    # Let the kernel pick; there is a small race until Neo4j binds it, which
    # start() reports clearly if it ever happens.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------
# start
# --------------------------------------------------------------------------


def neo4j_conf(rundir: Path, bolt_port: int) -> str:
    settings = {
        # Everything the server writes stays under RUNDIR.
        "server.directories.data": rundir / "data",
        "server.directories.logs": rundir / "logs",
        "server.directories.run": rundir / "run",
        "server.directories.import": rundir / "import",
        "server.directories.plugins": rundir / "plugins",
        "server.directories.licenses": rundir / "licenses",
        # Loopback only; Bolt is the one connector tests need.
        "server.default_listen_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{bolt_port}",
        "server.bolt.tls_level": "DISABLED",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        # No phoning home.
        "dbms.usage_report.enabled": "false",
        # Small footprint for a 2-core box that also runs the tests.
        "server.memory.heap.initial_size": HEAP_INITIAL,
        "server.memory.heap.max_size": HEAP,
        "server.memory.pagecache.size": PAGECACHE,
        # By default every database preallocates a 256 MiB transaction log:
        # 0.5 GB of disk per throwaway RUNDIR.
        "db.tx_log.preallocate": "false",
        # Bolt otherwise waits 2 x 5 s for idle connections on shutdown,
        # which makes every `stop` in a test suite take 10 s.
        "internal.server.bolt.connection_shutdown_wait_time": "1s",
        "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
    }
    lines = [f"# Written by {Path(__file__).name}; rewritten on every start."]
    lines += [f"{key}={value}" for key, value in settings.items()]
    return "\n".join(lines) + "\n"


def choose_password(
    rundir: Path, previous: ServerState | None, wanted: str | None
) -> str:
    """Reuse the password of an existing database; the auth file only counts
    before the first start, so a new one cannot be set on old data."""
    if previous is not None:
        if wanted and wanted != previous.password:
            raise Fail(
                f"{rundir} already has a database with another password; "
                "use a fresh --dir"
            )
        return previous.password
    if (rundir / "data").exists():
        raise Fail(
            f"{rundir}/data exists but {STATE_FILE} is missing; "
            f"remove {rundir} and retry"
        )
    return wanted or secrets.token_hex(16)


def set_initial_password(java: str, lib: Path, rundir: Path, password: str) -> None:
    # Same as `neo4j-admin dbms set-initial-password`; it writes data/dbms/auth.ini.
    env = dict(os.environ, NEO4J_HOME=str(rundir), NEO4J_CONF=str(rundir / "conf"))
    cmd = [
        java,
        "-Xmx256m",
        "-cp",
        f"{lib}/*",
        ADMIN_CLASS,
        "dbms",
        "set-initial-password",
        password,
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip().splitlines()
        raise Fail(
            f"set-initial-password failed: {output[-1] if output else proc.returncode}"
        )


def launch(java: str, lib: Path, rundir: Path) -> subprocess.Popen[bytes]:
    cmd = [
        java,
        "-cp",
        f"{lib}/*",
        f"-Xms{HEAP_INITIAL}",
        f"-Xmx{HEAP}",
        *JVM_FLAGS,
        MAIN_CLASS,
        f"--home-dir={rundir}",
        f"--config-dir={rundir / 'conf'}",
    ]
    (rundir / "logs").mkdir(parents=True, exist_ok=True)
    with open(rundir / "logs" / "console.log", "ab") as console:
        # New session: Ctrl-C in the caller's shell must not reach the server,
        # and it must outlive this script.
        proc = subprocess.Popen(
            cmd,
            cwd=rundir,
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return proc


def wait_ready(
    proc: subprocess.Popen[bytes], state: ServerState, rundir: Path, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise Fail(
                    f"neo4j exited with code {proc.returncode} during start-up "
                    f"(port {state.port})",
                    log_tail(rundir),
                )
            if bolt_answers(state.port):
                return
            time.sleep(0.25)
    except KeyboardInterrupt:
        hard_kill(proc.pid)  # do not leave a half-started server behind
        raise
    hard_kill(proc.pid)
    raise Fail(
        f"neo4j did not answer Bolt on port {state.port} "
        f"within {timeout:.0f}s; killed it",
        log_tail(rundir),
    )


def log_tail(rundir: Path, lines: int = 25) -> str:
    parts = []
    for name in ("console.log", "neo4j.log"):
        path = rundir / "logs" / name
        if path.is_file() and path.stat().st_size:
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- tail of {path} ---\n" + "\n".join(tail))
    return "\n".join(parts) or f"(no logs in {rundir / 'logs'})"


def start(
    rundir: Path, cache: Path, password: str | None, timeout: float
) -> ServerState:
    previous = load_state(rundir)
    if previous and is_our_server(previous.pid, rundir):
        if not bolt_answers(previous.port):
            raise Fail(
                f"a server is already running in {rundir} (pid {previous.pid}) "
                "but does not answer Bolt; run `stop` first"
            )
        return previous  # idempotent: just hand out the credentials again

    java = find_java()
    lib = fetch(cache, quiet=True)
    rundir.mkdir(parents=True, exist_ok=True)
    (rundir / "conf").mkdir(exist_ok=True)
    chosen = choose_password(rundir, previous, password)
    # A restart keeps its port when it is still free, so NEO4J_URI stays valid
    # (tests kill and restart the server in the middle of a run).
    port = previous.port if previous and port_is_free(previous.port) else free_loopback_port()
    (rundir / "conf" / "neo4j.conf").write_text(neo4j_conf(rundir, port))
    if previous is None:
        set_initial_password(java, lib, rundir, chosen)

    state = ServerState(
        pid=None,
        port=port,
        password=chosen,
        uri=f"bolt://127.0.0.1:{port}",
        version=pom_neo4j_version(),
        home=str(rundir),
    )
    save_state(rundir, state)  # password is on disk before the server exists
    began = time.monotonic()
    proc = launch(java, lib, rundir)
    state.pid = proc.pid
    save_state(rundir, state)
    wait_ready(proc, state, rundir, timeout)
    say(
        f"neo4j {state.version} ready in {time.monotonic() - began:.1f}s "
        f"(pid {state.pid}, {state.uri}, logs in {rundir / 'logs'})"
    )
    return state


def export_lines(state: ServerState) -> str:
    env = {
        "NEO4J_URI": state.uri,
        "NEO4J_USER": state.user,
        "NEO4J_PASSWORD": state.password,
        "NEO4J_DATABASE": state.database,
    }
    return "\n".join(f"export {key}={shlex.quote(value)}" for key, value in env.items())


# --------------------------------------------------------------------------
# stop / kill / status
# --------------------------------------------------------------------------


def running_pid(rundir: Path) -> int | None:
    state = load_state(rundir)
    if state and is_our_server(state.pid, rundir):
        return state.pid
    return None


def forget_pid(rundir: Path) -> None:
    # Keep port and password (a restart reuses the password) but make plain
    # that nothing runs any more.
    state = load_state(rundir)
    if state is not None:
        state.pid = None
        save_state(rundir, state)


def stop(rundir: Path, timeout: float) -> None:
    pid = running_pid(rundir)
    if pid is None:
        say(f"no server running in {rundir}")
        return
    os.kill(pid, signal.SIGTERM)  # Neo4j checkpoints and shuts down cleanly
    if wait_gone(pid, timeout):
        say(f"stopped neo4j (pid {pid})")
    else:
        say(f"neo4j (pid {pid}) still up after {timeout:.0f}s; sending SIGKILL")
        hard_kill(pid)
    forget_pid(rundir)


def hard_kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not wait_gone(pid, 30):
        raise Fail(f"pid {pid} survived SIGKILL")


def kill(rundir: Path) -> None:
    pid = running_pid(rundir)
    if pid is None:
        say(f"no server running in {rundir}")
        return
    hard_kill(pid)
    forget_pid(rundir)
    say(f"killed neo4j (pid {pid}) with SIGKILL")


def status(rundir: Path) -> int:
    state = load_state(rundir)
    if not state or not is_our_server(state.pid, rundir):
        print(f"not running ({rundir})")
        return EXIT_NOT_RUNNING
    bolt = "answering" if bolt_answers(state.port) else "NOT answering"
    print(f"running pid={state.pid} uri={state.uri} bolt={bolt} home={rundir}")
    return 0


# --------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------


def say(message: str) -> None:
    # Progress goes to stderr: stdout of `start` is meant for `eval`.
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="jar cache (default: $GRAPH071_CACHE/neo4j-5.26 "
        "or ~/.cache/graph071/neo4j-5.26)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download the server jars once")
    for name, text in [
        ("start", "start a server and print export lines"),
        ("stop", "stop the server (SIGTERM, then SIGKILL)"),
        ("status", "exit 0 if running, 3 if not"),
        ("kill", "SIGKILL the server at once"),
    ]:
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument(
            "--dir",
            type=Path,
            default=Path(DEFAULT_RUNDIR),
            help=f"run directory (default: ./{DEFAULT_RUNDIR})",
        )
        if name == "start":
            cmd.add_argument("--password", help="initial password (default: random)")
            cmd.add_argument(
                "--timeout",
                type=float,
                default=120.0,
                help="seconds to wait for Bolt (default: 120)",
            )
        if name == "stop":
            cmd.add_argument(
                "--timeout",
                type=float,
                default=60.0,
                help="seconds before SIGKILL (default: 60)",
            )
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    cache = (args.cache_dir or default_cache_dir()).expanduser().resolve()
    if args.command == "fetch":
        fetch(cache)
        return 0
    rundir = args.dir.expanduser().resolve()
    if args.command == "start":
        print(export_lines(start(rundir, cache, args.password, args.timeout)))
    elif args.command == "stop":
        stop(rundir, args.timeout)
    elif args.command == "kill":
        kill(rundir)
    elif args.command == "status":
        return status(rundir)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except Fail as exc:
        print(f"neo4j_local: error: {exc}", file=sys.stderr)
        if exc.details:
            print(exc.details, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("neo4j_local: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

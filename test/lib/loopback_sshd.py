"""Runs a command against an ssh server of its own on 127.0.0.1.

    python -m loopback_sshd DIR -- COMMAND ARGS...

Creates DIR with a host key, a client key authorized for the current user
and an ssh_config, starts Debian's sshd (openssh-server) on a free loopback
port, runs COMMAND with "{port}", "{user}" and "{config}" in its arguments
replaced, stops the server and exits with COMMAND's status. The server
accepts this key only, listens on loopback only and lives no longer than the
command: what a test of a remote runner needs, without touching the
machine's own ssh set-up.
"""

import getpass
import os
import socket
import subprocess
import sys
import time

SSHD = "/usr/sbin/sshd"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path],
                   check=True)


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: loopback_sshd.py DIR -- COMMAND ARGS...")
    if not os.path.exists(SSHD):
        sys.exit(f"error: {SSHD} is missing: tools/install-deps.sh installs "
                 "openssh-server")
    root = os.path.abspath(sys.argv[1])
    os.makedirs(root, exist_ok=True)
    os.chmod(root, 0o700)
    host_key = os.path.join(root, "host_key")
    client_key = os.path.join(root, "client_key")
    for key in (host_key, client_key):
        if not os.path.exists(key):
            keygen(key)
    # sshd started by root insists on its privilege-separation directory,
    # which only the service's start-up creates.
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
    port = free_port()
    user = getpass.getuser()
    sshd_config = os.path.join(root, "sshd_config")
    with open(sshd_config, "w") as f:
        f.write(f"""ListenAddress 127.0.0.1
Port {port}
HostKey {host_key}
PidFile {root}/sshd.pid
AuthorizedKeysFile {client_key}.pub
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp /usr/lib/openssh/sftp-server
""")
    client_config = os.path.join(root, "ssh_config")
    with open(client_config, "w") as f:
        f.write(f"""Host *
  IdentityFile {client_key}
  IdentitiesOnly yes
  UserKnownHostsFile {root}/known_hosts
  StrictHostKeyChecking accept-new
  LogLevel ERROR
""")
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", sshd_config],
                              stderr=open(os.path.join(root, "sshd.log"), "w"))
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log = open(os.path.join(root, "sshd.log")).read()
                    sys.exit(f"error: sshd did not start:\n{log}")
                time.sleep(0.05)
        command = [a.replace("{port}", str(port)).replace("{user}", user)
                   .replace("{config}", client_config) for a in sys.argv[3:]]
        status = subprocess.run(command).returncode
    finally:
        server.terminate()
        server.wait()
    sys.exit(status)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Records what python-gitlab's `users`, `user.keys` and `user.emails` managers send.

PythonGitLabUsersScenarioTests.swift replays the recording; this script is kept for whoever
re-records it (the Swift tests never run python). To re-record:

    pip install python-gitlab            # the recording was made with 8.6.0
    swift build
    .build/debug/gitlab-emulator -now 2026-11-24T08:00:00Z &      # note the port it prints
    python3 Tests/GitLabEmulatorTests/API/python-gitlab-users-scenario.py \
        http://127.0.0.1:PORT > /tmp/recording.txt
    kill %1

The script starts a small recording proxy on a free loopback port in front of the emulator,
points python-gitlab at the proxy and drives the managers the way a user does. It prints one
block per request: method, path with query, the headers that matter (Content-Type, whether a
PRIVATE-TOKEN was sent), the body byte for byte, then the response's status, pagination
headers and body. It exits 1 when python-gitlab does not behave as it does against GitLab.
The clock must be 2026-11-24T08:00:00Z (the `-now` flag) for the timestamps to match.
"""

import http.client
import http.server
import json
import sys
import threading
import urllib.parse

import gitlab

ROOT_TOKEN = "glpat-emulator-root-token"
# The fixtures of SSHPublicKeyTests.swift, so that the replay uses the same keys.
ED25519 = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJEmqEdC92sW+0DCYTGxVUweJr5PkMXEYT5oJjkK0gq0"
           " alice@laptop")
ECDSA384 = ("ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBG4hAkOq"
            "8XkOikKjiZ+3nmgq8a0ua6XPG6eetg4tISr3MhRTeDXZBssC2VLz5r3kEjKgNr71dce5NZp86N1yw5Soj"
            "U3N+9IY05yESP+X+z9YclzMQDgO44tcSsEaL52uYw== y")

RECORD = []
SHOWN_RESPONSE_HEADERS = ("content-type", "x-page", "x-per-page", "x-next-page", "x-prev-page",
                          "x-total", "x-total-pages", "link")


def make_proxy(upstream):
    target = urllib.parse.urlsplit(upstream)

    class Proxy(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in ("connection", "keep-alive", "accept-encoding")}
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            RECORD.append({
                "method": self.command, "path": self.path,
                "content_type": self.headers.get("Content-Type"),
                "private_token": "PRIVATE-TOKEN" in self.headers,
                "user_agent": self.headers.get("User-Agent"),
                "accept": self.headers.get("Accept"),
                "body": body.decode("utf-8"),
                "status": answer.status,
                "response_headers": [(k, v) for k, v in answer.getheaders()
                                     if k.lower() in SHOWN_RESPONSE_HEADERS],
                "response_body": data.decode("utf-8"),
            })
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("connection", "keep-alive", "transfer-encoding",
                                        "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            connection.close()

        do_GET = do_POST = do_PUT = do_DELETE = forward

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)


def scenario(gl):
    gl.auth()
    check(gl.user.username == "root", "gl.auth() reads the current user")

    # Users: create three, read one, change fields and save.
    users = [gl.users.create({"email": f"bot{n}@example.com", "username": f"bot{n}",
                              "name": f"Bot {n}", "password": "secret-password-1",
                              "skip_confirmation": True})
             for n in (1, 2, 3)]
    bot = users[0]
    check(bot.state == "active" and bot.username == "bot1", "create returns the user")
    fetched = gl.users.get(bot.id)
    check(fetched.email == "bot1@example.com", "get reads the e-mail")
    fetched.name = "Bot One"
    fetched.note = "managed by gitform"
    fetched.projects_limit = 5
    fetched.save()
    check(fetched.name == "Bot One" and fetched.note == "managed by gitform"
          and fetched.projects_limit == 5, "save() takes the server's answer")

    # Listing with filters, and pagination over several pages.
    found = gl.users.list(username="bot1")
    check([u.id for u in found] == [bot.id], "list(username=)")
    check(len(gl.users.list(active=True, get_all=True)) == 4, "list(active=True) sees root and 3")
    every = gl.users.list(search="bot", per_page=2, get_all=True)
    check([u.username for u in every] == ["bot2", "bot3", "bot1"], "get_all follows Link next, in GitLab's relevance order")
    pager = gl.users.list(search="bot", per_page=2, iterator=True)
    check(pager.total == 3 and pager.total_pages == 2, "iterator reads x-total")
    check([u.username for u in pager] == ["bot2", "bot3", "bot1"], "iterator over two pages")

    # Moderation.
    check(fetched.block() is True and fetched.state == "blocked", "block()")
    check([u.id for u in gl.users.list(blocked=True)] == [bot.id], "list(blocked=True)")
    check(fetched.unblock() is True and fetched.state == "active", "unblock()")
    check(fetched.deactivate() is True and fetched.state == "deactivated", "deactivate()")
    check(fetched.activate() is True and fetched.state == "active", "activate()")

    # SSH keys.
    key = fetched.keys.create({"title": "deploy", "key": ED25519,
                               "expires_at": "2027-01-31T00:00:00Z"})
    check(key.title == "deploy" and key.key.startswith("ssh-ed25519 "), "keys.create")
    other = fetched.keys.create({"title": "signing", "key": ECDSA384, "usage_type": "signing"})
    check([k.id for k in fetched.keys.list()] == [key.id, other.id], "keys.list")
    again = fetched.keys.get(key.id)
    check(again.expires_at == "2027-01-31T00:00:00.000Z", "keys.get")
    try:
        users[1].keys.create({"title": "copy", "key": ED25519})
        check(False, "a duplicate key is refused")
    except gitlab.exceptions.GitlabCreateError as error:
        check(error.response_code == 400, "duplicate key: 400")
        check(error.error_message == {"fingerprint_sha256": ["has already been taken"]},
              "duplicate key: GitLab's message")
    again.delete()
    check([k.id for k in fetched.keys.list()] == [other.id], "key.delete()")

    # E-mails.
    email = fetched.emails.create({"email": "Bot1.Alt@Example.com", "skip_confirmation": True})
    check(email.email == "bot1.alt@example.com" and email.confirmed_at, "emails.create")
    check([e.email for e in fetched.emails.list()] == ["bot1@example.com", email.email],
          "emails.list: the primary first")
    try:
        users[2].emails.create({"email": "bot1.alt@example.com"})
        check(False, "a taken e-mail is refused")
    except gitlab.exceptions.GitlabCreateError as error:
        check(error.response_code == 400
              and error.error_message == {"email": ["has already been taken"]}, "taken e-mail")
    email.delete()
    check([e.email for e in fetched.emails.list()] == ["bot1@example.com"], "email.delete()")

    # Errors python-gitlab maps to exceptions.
    try:
        gl.users.create({"email": "x@example.com", "username": "BOT2", "name": "X",
                         "password": "secret-password-1"})
        check(False, "a taken username is refused")
    except gitlab.exceptions.GitlabCreateError as error:
        check(error.response_code == 409
              and error.error_message == "Username has already been taken", "taken username")

    # Deleting: the object, then by id with hard_delete.
    fetched.delete()
    try:
        gl.users.get(bot.id)
        check(False, "a deleted user is gone")
    except gitlab.exceptions.GitlabGetError as error:
        check(error.response_code == 404 and error.error_message == "404 User Not Found",
              "missing user: 404")
    gl.users.delete(users[1].id, hard_delete=True)
    check([u.username for u in gl.users.list(search="bot", get_all=True)] == ["bot3"],
          "hard_delete")


def main():
    if len(sys.argv) != 2:
        print("usage: python-gitlab-users-scenario.py http://127.0.0.1:PORT", file=sys.stderr)
        sys.exit(2)
    proxy = make_proxy(sys.argv[1])
    url = f"http://127.0.0.1:{proxy.server_address[1]}"
    gl = gitlab.Gitlab(url, private_token=ROOT_TOKEN)
    try:
        scenario(gl)
    finally:
        proxy.shutdown()
        print(f"# python-gitlab {gitlab.__version__}, {len(RECORD)} requests")
        for number, entry in enumerate(RECORD, 1):
            print(json.dumps(dict(step=number, **entry), indent=1))


if __name__ == "__main__":
    main()

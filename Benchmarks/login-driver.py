#!/usr/bin/env python3
"""Password logins per second through the whole interactive flow (never run in CI).

Each login is one user's visit: GET /authorize (PKCE S256), GET the login page, POST the form with the password,
take the code from the redirect, POST it to /oauth/token. Login transactions are single-use, so each login starts
its own. A login counts only when the token endpoint answers 200 with an access token.

    login-driver.py BASE_URL HOST CALLBACK EMAIL PASSWORD --seconds S --workers N
prints one JSON line: {"logins": n, "seconds": s, "rate": r, "failures": {status: count}}.
"""
import argparse, base64, hashlib, http.client, json, re, secrets, threading, time, urllib.parse

parser = argparse.ArgumentParser()
for name in ("base", "host", "callback", "email", "password"):
    parser.add_argument(name)
parser.add_argument("--seconds", type=float, default=10)
parser.add_argument("--workers", type=int, default=4)
args = parser.parse_args()
netloc = urllib.parse.urlparse(args.base).netloc
lock = threading.Lock()
logins, failures = 0, {}


def login(connection):
    cookies = {}

    def send(method, path, body=None, content_type=None):
        headers = {"Host": args.host, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            cookies[name.strip()] = value
        return response, response.read().decode()

    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = urllib.parse.urlencode({"client_id": "spa", "response_type": "code", "redirect_uri": args.callback,
        "scope": "openid", "state": secrets.token_urlsafe(8), "code_challenge": challenge,
        "code_challenge_method": "S256"})
    response, _ = send("GET", "/authorize?" + query)
    if response.status != 302:
        return f"authorize {response.status}"
    response, page = send("GET", response.getheader("Location"))
    if response.status != 200:
        return f"login page {response.status}"
    action = re.search(r'action="([^"]+)"', page).group(1).replace("&amp;", "&")
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    fields.update(email=args.email, password=args.password)
    response, _ = send("POST", action, urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")
    location = response.getheader("Location") or ""
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query).get("code")
    if response.status != 302 or not code:
        return f"login form {response.status}"
    body = urllib.parse.urlencode({"grant_type": "authorization_code", "client_id": "spa", "code": code[0],
        "redirect_uri": args.callback, "code_verifier": verifier})
    response, text = send("POST", "/oauth/token", body, "application/x-www-form-urlencoded")
    if response.status != 200 or "access_token" not in json.loads(text):
        return f"token {response.status}"
    return None


def worker(deadline):
    global logins
    connection = http.client.HTTPConnection(netloc, timeout=60)
    while time.monotonic() < deadline:
        failure = login(connection)
        with lock:
            if failure:
                failures[failure] = failures.get(failure, 0) + 1
            else:
                logins += 1


start = time.monotonic()
threads = [threading.Thread(target=worker, args=(start + args.seconds,)) for _ in range(args.workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - start
print(json.dumps({"logins": logins, "seconds": round(elapsed, 2), "rate": logins / elapsed, "failures": failures}))

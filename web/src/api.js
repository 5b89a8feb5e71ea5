// The GWS REST calls the desktop makes. Only the public API: /api/v2, the session cookie, the CSRF token.
let csrf = null; // GWS returns a CSRF token on GETs of a logged-in session; it is sent back on every change
let relogin = null;   // () => Promise: logs in again with the credentials the page keeps in memory
let onExpired = () => {}; // called when that fails, or the retried request is refused again
let pending = null;   // one log-in-again at a time, shared by the requests refused together

/**
 * What to do when a request is refused as not logged in (the session expired, or the server restarted): log in again with
 * `again`, then retry the request once; if that fails, `expired` is called (the page shows its login form).
 */
export function onUnauthorized(again, expired) {
  relogin = again;
  onExpired = expired;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.statusMessage || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }

  /** Not logged in: HTTP 401, or GWS's answer to a script's request without credentials (403, statusCode 20). */
  get notAuthenticated() {
    return this.status === 401 || this.body?.statusCode === 20;
  }
}

async function send(method, path, options = {}) {
  try {
    return await request(method, path, options);
  } catch (e) {
    if (!(e instanceof ApiError) || !e.notAuthenticated || options.retry === false || !relogin) throw e;
    try {
      pending ??= relogin().finally(() => { pending = null; });
      await pending;
      return await request(method, path, options);
    } catch (again) {
      // Logged in again but the request failed otherwise, or the server could not be reached: no login form for that.
      if ((again instanceof ApiError && !again.notAuthenticated) || again instanceof TypeError) throw again;
      onExpired();
      throw again;
    }
  }
}

async function request(method, path, { body, credentials = "same-origin", headers = {} } = {}) {
  const init = { method, credentials, headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (method !== "GET" && csrf) init.headers["X-CSRF-TOKEN"] = csrf;
  const response = await fetch("/api/v2" + path, init);
  const token = response.headers.get("X-CSRF-TOKEN");
  if (token) csrf = token;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { statusMessage: text }; }
  if (!response.ok || (json && json.statusCode !== undefined && json.statusCode !== 0)) throw new ApiError(response.status, json);
  return json;
}

/**
 * Logs in with HTTP Basic. A first request that carries no cookies checks the password: the browser shows no
 * password dialog of its own for such a request when the server answers 401. Then the same request with cookies
 * allowed gets the session cookie, which REST and CometD use from then on.
 */
export async function login(user, password) {
  const authorization = "Basic " + btoa(unescape(encodeURIComponent(`${user}:${password}`)));
  await send("GET", "/me", { credentials: "omit", headers: { Authorization: authorization }, retry: false });
  return (await send("GET", "/me?subresources=*", { headers: { Authorization: authorization }, retry: false })).user;
}

export const me = async () => (await send("GET", "/me?subresources=*")).user;
export const get = path => send("GET", path);
export const post = (path, body) => send("POST", path, { body });
export const logout = () => send("POST", "/me", { body: { operationName: "EndContactCenterSession" } }).catch(() => {});

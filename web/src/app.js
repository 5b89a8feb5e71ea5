// The agent desktop: logs in over REST, listens with CometD, and drives the agent's phones with the GWS API.
import { CometD } from "./vendor/cometd/cometd.js";
import { AckExtension } from "./vendor/cometd/AckExtension.js";
import * as api from "./api.js";
import { CallList, needsDestination } from "./calls.js";
import { Devices } from "./devices.js";
import { Monitoring } from "./monitoring.js";
import { RecentCalls, WrapUps } from "./wrapup.js";

const $ = id => document.getElementById(id);
const ENDED = "Your session has ended and logging in again failed. Please log in again.";
const monitoring = new Monitoring((device, body) => api.post(`/me/devices/${device.id}`, body), act);
const devices = new Devices(d => monitoring.show(d));
const recent = new RecentCalls($("recent"), $("no-recent"), () => api.get("/me/call-history?limit=5"), () => devices.numbers());
const wrapUps = new WrapUps($("wrap-ups"), $("no-wrap-ups"),
  (callId, body) => api.post(`/ucs/interactions/${encodeURIComponent(callId)}`, body), () => recent.refresh());
const calls = new CallList($("calls"), $("no-calls"), {
  perform: performCallOperation,
  onReleased: (call, duration) => {
    wrapUps.add(call, duration);
    recent.refresh(); // the history has the call once its Released is delivered
  },
  dnOf: uri => devices.dnOf(uri),
  // The card that had the focus is gone: on to its wrap-up's note, or back to the destination.
  onFocusOut: () => ($("wrap-ups").querySelector("textarea") || $("destination")).focus(),
});
let cometd = null;
let credentials = null; // kept in memory only, to log in again when the server has forgotten the session

// Whether the server runs the demo contact centre, whose passwords the hint under the form gives. Not part of the
// GWS API: a file the server serves beside the page. Without it the hint stays hidden.
fetch(new URL("desktop.json", location.href), { headers: { Accept: "application/json" } })
  .then(r => (r.ok ? r.json() : {}))
  .then(settings => { $("demo-hint").hidden = settings.demo !== true; $("login").dataset.demo = String(settings.demo === true); })
  .catch(() => { $("login").dataset.demo = "unknown"; });

$("login").addEventListener("submit", async event => {
  event.preventDefault();
  $("login-error").textContent = "";
  $("login-button").disabled = true;
  try {
    credentials = { user: $("user").value.trim(), password: $("password").value };
    const user = await api.login(credentials.user, credentials.password);
    $("password").value = "";
    // The wrap-ups left from before a reload, under the user's id: another user of this tab sees none of them.
    wrapUps.restore(`dialtone.wrapUps.${user.id}`);
    show(user);
    $("login-view").hidden = true;
    $("desktop-view").hidden = false;
    $("logout").hidden = false;
    $("destination").focus();
    connect();
  } catch (e) {
    credentials = null;
    $("login-error").textContent = e.status === 401 ? "Wrong user name or password." : `Could not log in: ${e.message}`;
    $("password").select();
  } finally {
    $("login-button").disabled = false;
  }
});

// A request refused with 401 logs in again with the kept credentials and is retried once (api.js); if that
// fails too, the login form comes back and says why.
api.onUnauthorized(() => {
  if (!credentials) return Promise.reject(new Error("not logged in"));
  return api.login(credentials.user, credentials.password);
}, sessionEnded);

function sessionEnded() {
  if ($("desktop-view").hidden) return;
  signOut();
  $("login-error").textContent = ENDED;
}

$("logout").addEventListener("click", async () => {
  const connected = cometd;
  cometd = null;
  connected?.disconnect();
  await api.logout();
  signOut();
});

function signOut() {
  const connected = cometd;
  cometd = null; // first, so that its disconnect is not taken for the server's
  connected?.disconnect();
  credentials = null;
  devices.clear();
  monitoring.clear();
  calls.clear();
  wrapUps.clear();
  recent.clear();
  setConnection("offline", "Not connected");
  $("desktop-view").hidden = true;
  $("logout").hidden = true;
  $("login-view").hidden = false;
  $("login-error").textContent = "";
  $("password").value = "";
  // The user name stays: logging in again after the session ended takes only the password.
  ($("user").value ? $("password") : $("user")).focus();
}

// The notifications. Subscriptions are made on every successful handshake, so that a re-handshake (after a
// server restart, say) subscribes again; each one then re-reads the state that may have been missed.
function connect() {
  const client = new CometD();
  cometd = client;
  client.configure({ url: new URL("/api/v2/notifications", location.href).href, logLevel: "warn" });
  client.registerExtension("ack", new AckExtension()); // nothing lost across a dropped connection (docs/reliability.md)
  client.addListener("/meta/handshake", async reply => {
    if (client !== cometd) return;
    if (reply.successful) {
      client.batch(() => {
        client.subscribe("/v2/me/calls", m => onCall(m.data));
        client.subscribe("/v2/me/devices", m => devices.update(m.data.devices || []));
        client.subscribe("/v2/me/ucs", m => wrapUps.onResponse(m.data));
      });
      setConnection("connected", "Connected");
      try { show(await api.me()); } catch (e) { note(`Could not read the state: ${e.message}`); }
      recent.refresh();
    } else if (String(reply.error || "").startsWith("403") && credentials) {
      // The server does not know the session (it restarted, or the session expired): log in again.
      logInAgainThenHandshake(client);
    } else {
      setConnection("connecting", "Reconnecting…");
    }
  });
  client.addListener("/meta/connect", reply => {
    if (client !== cometd || client.isDisconnected()) return;
    if (reply.successful) setConnection("connected", "Connected");
    else setConnection("connecting", "Reconnecting…");
  });
  // The server ended the CometD session (the user's password changed, or the user was disabled): the page did not
  // ask for it, so it logs in again, which tells whether the user may still be here.
  client.addListener("/meta/disconnect", () => {
    if (client === cometd && credentials) logInAgainThenHandshake(client);
  });
  setConnection("connecting", "Connecting…");
  client.handshake();
}

async function logInAgainThenHandshake(client) {
  setConnection("connecting", "Logging in again…");
  try {
    await api.login(credentials.user, credentials.password);
    setTimeout(() => { if (client === cometd) client.handshake(); }, 500);
  } catch (e) {
    if (e.notAuthenticated) { sessionEnded(); return; } // the password is no longer good: only the person can help
    setTimeout(() => { if (client === cometd) client.handshake(); }, 2000); // unreachable: try again
  }
}

function onCall(data) {
  if (data.messageType === "ErrorMessage") { note(data.errorMessage); return; }
  if (data.call) calls.update(data.call);
}

function show(user) {
  $("user-name").textContent = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.userName;
  devices.replace(user.devices || []);
  calls.replace(user.calls || []);
}

$("state-form").addEventListener("submit", async event => {
  event.preventDefault();
  const op = $("state-select").value;
  await act(async () => {
    // Agent states are the user's, on every device (the voice channel); the phone settings are the chosen device's.
    const logIn = () => api.post("/me", { operationName: "StartContactCenterSession", channels: ["voice"] });
    if (op === "StartContactCenterSession") return logIn();
    if (["Ready", "NotReady", "AfterCallWork", "AuxWork"].includes(op)) {
      // Choosing Ready while logged out means "log me in and make me Ready": a new user need not know the two steps.
      if ((device()?.userState?.state || "LoggedOut") === "LoggedOut") await logIn();
      return api.post("/me/channels/voice", { operationName: op });
    }
    const body = { operationName: op };
    if (op === "ForwardCallsOn") body.destination = { phoneNumber: destination() };
    return api.post(`/me/devices/${device().id}`, body);
  });
});

// The dial pad types into the destination field.
document.querySelectorAll(".pad button").forEach(b => b.addEventListener("click", () => {
  $("destination").value += b.dataset.digit;
}));
$("clear").addEventListener("click", () => { $("destination").value = ""; $("destination").focus(); });

$("dial-form").addEventListener("submit", async event => {
  event.preventDefault();
  await act(() => api.post(`/me/devices/${device().id}/calls`, { operationName: "Dial", destination: { phoneNumber: destination() } }));
});

async function performCallOperation(call, op, params = {}) {
  await act(() => {
    const body = { operationName: op, ...params };
    if (needsDestination(op)) body.destination = { phoneNumber: destination() };
    if (op === "SendDtmf") body.digits = destination();
    if (op === "SwapCalls") { const other = calls.other(call); if (other) body.otherCallUri = other.uri; }
    return api.post(`/me/calls/${call.id}`, body);
  });
}

function device() {
  const d = devices.selected;
  if (!d) throw new Error("You have no device.");
  return d;
}

function destination() {
  const value = $("destination").value.trim();
  if (!value) { $("destination").focus(); throw new Error("Enter a destination first."); }
  return value;
}

/** Runs a request; a refusal is shown, not thrown. What it changes arrives as notifications. */
async function act(request) {
  note("");
  try { await request(); } catch (e) { note(e.message); }
}

function note(text) { $("message").textContent = text || ""; }

function setConnection(state, text) {
  $("connection").dataset.state = state;
  $("connection").textContent = text;
}

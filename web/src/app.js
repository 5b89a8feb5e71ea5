// The agent desktop: logs in over REST, listens with CometD, and drives the agent's phone with the GWS API.
import { CometD } from "./vendor/cometd/cometd.js";
import * as api from "./api.js";
import { CallList, needsDestination } from "./calls.js";
import { RecentCalls, WrapUps } from "./wrapup.js";

const $ = id => document.getElementById(id);
const recent = new RecentCalls($("recent"), $("no-recent"), () => api.get("/me/call-history?limit=5"), () => device?.phoneNumber);
const wrapUps = new WrapUps($("wrap-ups"), $("no-wrap-ups"),
  (callId, body) => api.post(`/ucs/interactions/${encodeURIComponent(callId)}`, body), () => recent.refresh());
const calls = new CallList($("calls"), $("no-calls"), performCallOperation, (call, duration) => {
  wrapUps.add(call, duration);
  recent.refresh(); // the history has the call once its Released is delivered
});
let cometd = null;
let device = null;      // the agent's (first) device resource
let credentials = null; // kept in memory only, to log in again when the server has forgotten the session

$("login").addEventListener("submit", async event => {
  event.preventDefault();
  $("login-error").textContent = "";
  $("login-button").disabled = true;
  try {
    credentials = { user: $("user").value.trim(), password: $("password").value };
    const user = await api.login(credentials.user, credentials.password);
    $("password").value = "";
    show(user);
    $("login-view").hidden = true;
    $("desktop-view").hidden = false;
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
}, () => {
  if ($("desktop-view").hidden) return;
  signOut();
  $("login-error").textContent = "Your session has ended and logging in again failed. Please log in again.";
});

$("logout").addEventListener("click", async () => {
  const connected = cometd;
  cometd = null;
  connected?.disconnect();
  await api.logout();
  signOut();
});

function signOut() {
  cometd?.disconnect();
  cometd = null;
  credentials = null;
  device = null;
  calls.clear();
  wrapUps.clear();
  recent.clear();
  setConnection("offline", "Not connected");
  $("desktop-view").hidden = true;
  $("login-view").hidden = false;
  $("login-error").textContent = "";
  $("user").focus();
}

// The notifications. Subscriptions are made on every successful handshake, so that a re-handshake (after a
// server restart, say) subscribes again; each one then re-reads the state that may have been missed.
function connect() {
  cometd = new CometD();
  cometd.configure({ url: new URL("/api/v2/notifications", location.href).href, logLevel: "warn" });
  cometd.addListener("/meta/handshake", async reply => {
    if (reply.successful) {
      cometd.batch(() => {
        cometd.subscribe("/v2/me/calls", m => onCall(m.data));
        cometd.subscribe("/v2/me/devices", m => onDevice(m.data));
        cometd.subscribe("/v2/me/ucs", m => wrapUps.onResponse(m.data));
      });
      setConnection("connected", "Connected");
      try { show(await api.me()); } catch (e) { note(`Could not read the state: ${e.message}`); }
      recent.refresh();
    } else if (String(reply.error || "").startsWith("403") && credentials) {
      // The server does not know the session (it restarted, or the session expired): log in again.
      setConnection("connecting", "Logging in again…");
      try {
        await api.login(credentials.user, credentials.password);
        setTimeout(() => cometd?.handshake(), 500);
      } catch {
        setTimeout(() => cometd?.handshake(), 2000);
      }
    } else {
      setConnection("connecting", "Reconnecting…");
    }
  });
  cometd.addListener("/meta/connect", reply => {
    if (cometd?.isDisconnected()) return;
    if (reply.successful) setConnection("connected", "Connected");
    else setConnection("connecting", "Reconnecting…");
  });
  setConnection("connecting", "Connecting…");
  cometd.handshake();
}

function onCall(data) {
  if (data.messageType === "ErrorMessage") { note(data.errorMessage); return; }
  if (data.call) calls.update(data.call);
}

function onDevice(data) {
  const mine = (data.devices || []).find(d => !device || d.id === device.id);
  if (mine) showDevice(mine);
}

function show(user) {
  $("user-name").textContent = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.userName;
  const first = (user.devices || [])[0];
  if (first) showDevice(first);
  calls.replace(user.calls || []);
}

function showDevice(d) {
  device = d;
  $("dn").textContent = d.phoneNumber;
  const state = d.userState || {};
  $("agent-state").textContent = (state.displayName || state.state || "–") + (state.workMode ? ` (${state.workMode})` : "");
  $("agent-state").dataset.state = state.state || "";
  const flags = [d.doNotDisturb === "On" ? "Do Not Disturb" : null, d.forwardTo ? `forwarded to ${d.forwardTo}` : null].filter(Boolean);
  $("device-flags").textContent = flags.join(", ") || "Available";
}

$("state-form").addEventListener("submit", async event => {
  event.preventDefault();
  const op = $("state-select").value;
  await act(async () => {
    if (op === "StartContactCenterSession") return api.post("/me", { operationName: op, channels: ["voice"] });
    if (["Ready", "NotReady", "AfterCallWork", "AuxWork"].includes(op)) return api.post("/me/channels/voice", { operationName: op });
    const body = { operationName: op };
    if (op === "ForwardCallsOn") body.destination = { phoneNumber: destination() };
    return api.post(`/me/devices/${device.id}`, body);
  });
});

// The dial pad types into the destination field.
document.querySelectorAll(".pad button").forEach(b => b.addEventListener("click", () => {
  $("destination").value += b.dataset.digit;
}));
$("clear").addEventListener("click", () => { $("destination").value = ""; $("destination").focus(); });

$("dial-form").addEventListener("submit", async event => {
  event.preventDefault();
  await act(() => api.post(`/me/devices/${device.id}/calls`, { operationName: "Dial", destination: { phoneNumber: destination() } }));
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

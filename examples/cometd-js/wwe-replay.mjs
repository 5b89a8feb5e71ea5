// Replays what Genesys Workspace Web Edition 8.5 asked a real GWS 8.5.202.96 in one session, request by request
// (shared/spec/wwe-8.5-session.md, a.2 and b.2), against a GWS server, and checks each reply's and notification's
// keys, types and values against that capture. Two agents: A is the WWE of the capture (login chain, states,
// an incoming call), B calls A with the data B's WWE attaches. CometD is the stock JavaScript client.
//   npm ci && node wwe-replay.mjs http://127.0.0.1:8090 [websocket|long-polling] [A B PASSWORD]
// Prints one JSON line a check ({"check","ok","detail"}), then {"passed":n,"failed":m}; exits 1 if any failed.
import { adapt } from "cometd-nodejs-client";
import { CometD } from "cometd";
import WebSocket from "ws";

const [base, transport = "websocket", userA = "agent1", userB = "agent2", password = "demo"] = process.argv.slice(2);
if (!base) { console.error("usage: node wwe-replay.mjs BASE_URL [websocket|long-polling] [USER_A USER_B PASSWORD]"); process.exit(2); }
let passed = 0, failed = 0;

function check(name, ok, detail) {
  ok = !!ok;
  ok ? passed++ : failed++;
  console.log(JSON.stringify(ok ? { check: name, ok } : { check: name, ok, detail }));
  return ok;
}
const keys = o => (o && typeof o === "object" && !Array.isArray(o)) ? Object.keys(o) : [];
const sameKeys = (o, expected) => JSON.stringify(keys(o)) === JSON.stringify(expected);
/** Whether `expected` appear in `actual`'s keys in this order (others may come between). */
const inOrder = (o, expected) => { const k = keys(o); let i = 0; for (const key of k) if (key === expected[i]) i++; return i === expected.length; };
const sameSet = (a, b) => Array.isArray(a) && a.length === b.length && b.every(x => a.includes(x));
const isString = v => typeof v === "string";
/** The same JSON value, whatever the key order of its objects (GWS reorders keys: a.3, b.2). */
const sorted = v => Array.isArray(v) ? v.map(sorted) : v && typeof v === "object"
  ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sorted(v[k])])) : v;
const sameValue = (x, y) => JSON.stringify(sorted(x)) === JSON.stringify(sorted(y));

/** A browser session: the cookie the login set, WWE's headers on every request (Basic only on the login). */
class Browser {
  constructor() { this.cookie = null; }
  async send(method, path, body, authorization) {
    const headers = { "Content-Type": "application/json; charset=UTF-8", "X-Requested-With": "XMLHttpRequest", "Accept": "*/*" };
    if (authorization) headers.Authorization = authorization;
    if (this.cookie) headers.Cookie = this.cookie;
    const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const cookie = response.headers.get("set-cookie");
    if (cookie) this.cookie = cookie.split(";")[0];
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON: the checks say so */ }
    return { status: response.status, headers: response.headers, text, json };
  }
  get(path, authorization) { return this.send("GET", path, undefined, authorization); }
  post(path, body) { return this.send("POST", path, body); }
}
const basic = user => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");
const ok = (r, statusCode = 0) => r.status === 200 && r.json && r.json.statusCode === statusCode;

/** CometD as WWE runs it: the session cookie, the transport asked for, /v2/me/devices and /v2/me/calls. */
function notifications(browser) {
  adapt();
  globalThis.window.WebSocket = class extends WebSocket {
    constructor(url, protocols) { super(url, protocols, { headers: { Cookie: browser.cookie } }); }
  };
  const cometd = new CometD();
  if (transport === "long-polling") cometd.unregisterTransport("websocket");
  cometd.configure({ url: `${base}/api/v2/notifications`, requestHeaders: { Cookie: browser.cookie } });
  const queue = [], waiters = [];
  const push = (channel, data) => { const w = waiters.shift(); w ? w({ channel, data }) : queue.push({ channel, data }); };
  const ready = new Promise((resolve, reject) => {
    cometd.handshake(reply => {
      if (!reply.successful) { reject(new Error("handshake: " + JSON.stringify(reply))); return; }
      let subscribed = 0;
      for (const channel of ["/v2/me/devices", "/v2/me/calls"]) {
        cometd.subscribe(channel, m => push(channel, m.data), s => { if (s.successful && ++subscribed === 2) resolve(); });
      }
    });
  });
  const next = (ms = 10000) => queue.length ? Promise.resolve(queue.shift())
    : new Promise(resolve => {
      const waiter = m => { clearTimeout(t); resolve(m); };
      const t = setTimeout(() => { waiters.splice(waiters.indexOf(waiter), 1); resolve(null); }, ms); // a late message is the next one's
      waiters.push(waiter);
    });
  return { cometd, ready, next };
}

const DEVICE_KEYS = ["id", "deviceState", "userState", "phoneNumber", "description", "e164Number", "telephonyNetwork", "doNotDisturb",
  "voiceEnvironmentUri", "capabilities", "channels", "dynamicPhoneNumber"];
function checkDevice(name, device) {
  check(`${name}: device keys`, inOrder(device, DEVICE_KEYS), keys(device));
  check(`${name}: device strings`, ["description", "e164Number", "dynamicPhoneNumber", "voiceEnvironmentUri"].every(k => isString(device?.[k]))
    && JSON.stringify(device?.channels) === '["voice"]', device);
}
function checkDeviceMessage(name, m, state) {
  check(`${name}: on /v2/me/devices`, m && m.channel === "/v2/me/devices", m);
  const d = m?.data;
  check(`${name}: DeviceStateChangeMessage keys`, d && inOrder(d, ["devices", "messageType", "metrics"]) && d.messageType === "DeviceStateChangeMessage"
    && !("notificationType" in d), d);
  check(`${name}: metrics`, sameKeys(d?.metrics?.eventProcessing, ["nodeProcessingTimeNanos", "serverGenerationTimestamp", "serverProcessingTimeTotalMs"]), d?.metrics);
  const us = d?.devices?.[0]?.userState;
  check(`${name}: userState ${state} with id`, us && us.state === state && isString(us.id) && isString(us.displayName), us);
  if (d?.devices?.[0]) checkDevice(name, d.devices[0]);
}
const CALL_KEYS = ["id", "state", "callUuid", "connId", "deviceUri", "participants", "dnis", "callType", "capabilities", "userData", "duration", "mute",
  "supervisorListeningIn", "monitoredUserMuted", "monitoring", "uri", "path"];
function checkCallMessage(name, m, notificationType, state) {
  check(`${name}: on /v2/me/calls`, m && m.channel === "/v2/me/calls", m);
  const d = m?.data, call = d?.call;
  check(`${name}: ${notificationType} ${state}`, d?.notificationType === notificationType && call?.state === state, d);
  check(`${name}: message keys`, inOrder(d, notificationType === "AttachedDataChanged"
    ? ["notificationType", "call", "phoneNumber", "messageType", "metrics"]
    : ["notificationType", "call", "phoneNumber", "extensions", "messageType", "metrics"]) && d.messageType === "CallStateChangeMessage", keys(d));
  check(`${name}: call keys`, inOrder(call, CALL_KEYS), keys(call));
  check(`${name}: call types`, call && /^[0-9A-Z]{32}$/.test(call.id) && call.callUuid === call.id && /^[0-9a-f]{16}$/.test(call.connId)
    && isString(call.duration) && call.mute === "Off" && [call.supervisorListeningIn, call.monitoredUserMuted, call.monitoring].every(b => b === false)
    && Array.isArray(call.participants) && sameKeys(call.participants[0], ["e164Number", "formattedPhoneNumber", "phoneNumber", "digits"]), call);
  return d;
}

const a = new Browser(), b = new Browser();
try {
  // 1: the probe for a session, without credentials
  let r = await a.get("/api/v2/me?subresources=features,devices,channels");
  check("1 probe: 403 Access denied without a challenge", r.status === 403 && r.text === '{"statusCode":20,"statusMessage":"Access denied"}'
    && !r.headers.get("www-authenticate"), { status: r.status, text: r.text });
  // 2: the login
  r = await a.get("/api/v2/me?subresources=features,devices,channels", basic(userA));
  const user = r.json?.user;
  check("2 login", ok(r) && a.cookie, r.text);
  check("2 user keys", inOrder(user, ["id", "userName", "firstName", "lastName", "emailAddress", "roles", "enabled", "devices",
    "changePasswordOnFirstLogin", "features", "contactCenterId", "uri", "path"]), keys(user));
  check("2 no channels while no multimedia channel is logged in", user && !("channels" in user), keys(user));
  check("2 features", Array.isArray(user?.features) && user.features.every(f => sameKeys(f, ["id", "displayName", "description",
    "autoAssignOnContactCenterCreate", "uri", "path"])) && user.features.some(f => f.id === "api-voice"), user?.features);
  const device = user?.devices?.[0];
  checkDevice("2", device);
  check("2 logged out userState", device?.userState?.state === "LoggedOut", device?.userState);
  // 3: settings and agent states
  r = await a.get("/internal-api/me/settings?fields=*");
  check("3 /internal-api/me/settings", ok(r) && Array.isArray(r.json.resources?.agentStates)
    && r.json.resources.agentStates.every(s => isString(s.id) && isString(s.operationName) && isString(s.state)), r.text.slice(0, 300));
  // 4: services
  r = await a.get("/api/v2/services?fields=*");
  const services = r.json?.services || [];
  check("4 services", ok(r) && services.every(s => sameKeys(s, ["id", "name", "type", "state", "uri", "path"])), r.text);
  const voice = services.find(s => s.type === "Voice");
  check("4 Voice Active, the devices' voice environment", voice?.state === "Active" && device?.voiceEnvironmentUri?.endsWith("/voice-environments/" + voice.id), voice);
  check("4 multimedia Inactive", ["MultiMediaState", "MultiMediaContent"].every(t => services.find(s => s.type === t)?.state === "Inactive"), services);
  // 5-7
  r = await a.get("/api/v2/me/groups?type=BusinessUnit&fields=*");
  check("5 business unit", ok(r) && r.json.groups.length === 1 && sameKeys(r.json.groups[0], ["id", "name", "type", "contains", "uri", "path"]), r.text);
  r = await a.get("/internal-api/contact-center?subresources=businessAttributes");
  const attributes = r.json?.resources?.businessAttributes;
  check("6 business attributes", ok(r) && Array.isArray(attributes) && attributes.every(x => sameKeys(x, ["name", "displayName", "description", "userProperties", "values"])
    && x.values.every(v => inOrder(v, ["name", "displayName", "userProperties", "default"]) && typeof v.default === "boolean")), r.text);
  r = await a.get("/api/v2/groups?type=dispositions&fields=*");
  check("7 disposition groups", ok(r) && r.json.groups.every(g => g.type === "dispositions" && sameKeys(g, ["id", "name", "type", "contains", "defaultGroup", "uri", "path"])), r.text);
  // 8: the DN's T-Server options
  r = await a.get(`/api/v2/me/devices/${device?.id}/settings/tserver`);
  check("8 tserver settings", ok(r) && sameKeys(r.json, ["statusCode", "settings", "key"]) && r.json.key === "name"
    && r.json.settings.every(s => sameKeys(s, ["name", "value"]) && isString(s.value)), r.text);
  // 9: voice and chat
  r = await a.post("/api/v2/me", { operationName: "StartContactCenterSession", channels: ["voice", "chat"] });
  check("9 StartContactCenterSession: partial success", ok(r, 7) && sameKeys(r.json, ["statusCode", "failed", "succeeded"])
    && r.json.failed[0]?.channel === "multimedia" && sameKeys(r.json.failed[0], ["statusCode", "statusMessage", "channel"])
    && JSON.stringify(r.json.succeeded) === '[{"statusCode":0,"channel":"voice"}]', r.text);
  // 10: the user as a contact
  r = await a.get(`/api/v2/contacts/${user?.id}?type=User`);
  check("10 contact", ok(r) && sameKeys(r.json.contact, ["id", "name", "type", "phoneNumbers", "userName", "firstName", "lastName", "employeeId", "uri", "path"])
    && r.json.contact.phoneNumbers[0]?.phoneNumber === device?.phoneNumber, r.text);
  // CometD
  const events = notifications(a);
  await events.ready;
  check("CometD handshake and subscriptions", true);
  check(`CometD transport is ${transport}`, events.cometd.getTransport().type === transport, events.cometd.getTransport().type);
  // 12-14
  r = await a.get("/api/v2/diagnostics/version");
  check("12 four-part version", ok(r) && /^\d+\.\d+\.\d+\.\d+$/.test(r.json.version), r.text);
  r = await a.get("/api/v2/workbins?fields=*");
  check("13 workbins", ok(r) && Array.isArray(r.json.workbins), r.text);
  r = await a.get("/api/v2/me/?subresources=devices,calls,channels,interactions,chats");
  const again = r.json?.user;
  check("14 /me/ with the slash", ok(r) && inOrder(again, ["id", "userName", "firstName", "lastName", "emailAddress", "roles", "enabled", "devices", "calls",
    "changePasswordOnFirstLogin", "contactCenterId", "uri", "path"]) && Array.isArray(again.calls)
    && !["channels", "interactions", "chats", "features"].some(k => k in again), keys(again));
  // 18: the outbound campaign request
  r = await a.post("/internal-api/operations", { operationName: "SendUserEvent", deviceId: device?.id,
    userData: { GSW_AGENT_REQ_TYPE: "CampaignStatusRequest", GSW_REFERENCE_ID: 1 } });
  check("18 SendUserEvent", r.status === 200 && r.text === '{"statusCode":0}', r.text);
  // The session's own start, as the switch announces it (WWE replaces it at once with its NotReady)
  let m = await events.next(3000);
  while (m && m.channel === "/v2/me/devices" && m.data?.devices?.[0]?.userState?.state !== "NotReady") m = await events.next(3000);
  // 19: NotReady, 20, 21: Ready
  r = await a.post("/api/v2/me/channels/voice", { operationName: "NotReady" });
  check("19 NotReady", r.status === 200 && r.text === '{"statusCode":0}', r.text);
  checkDeviceMessage("N1", await events.next(), "NotReady");
  r = await a.get(`/api/v2/devices/${device?.id}/settings/tserver`);
  check("20 tserver settings", ok(r) && r.json.key === "name", r.text);
  r = await a.post("/api/v2/me/channels/voice", { operationName: "Ready" });
  check("21 Ready", r.status === 200 && r.text === '{"statusCode":0}', r.text);
  checkDeviceMessage("N2", await events.next(), "Ready");

  // Agent B's WWE dials A with the data it attaches to every call it places
  r = await b.get("/api/v2/me?subresources=features,devices,channels", basic(userB));
  const userOfB = r.json?.user, deviceOfB = userOfB?.devices?.[0];
  check("B login", ok(r), r.text);
  const partyB = { path: `/users/${userOfB?.id}`, firstname: userOfB?.firstName, username: userOfB?.userName, lastname: userOfB?.lastName };
  r = await b.post(`/api/v2/me/devices/${deviceOfB?.id}/calls`, { operationName: "Dial", destination: { phoneNumber: device?.phoneNumber },
    userData: { IW_RoutingBasedRequestType: "MakeCall", [`WWE_PARTY_${deviceOfB?.phoneNumber}`]: partyB, PhoneNumber: device?.phoneNumber,
      IW_RoutingBasedTargetType: "TypeDestination", IW_BundleUid: "3f2c9a86-1d4e-4b7a-9a52-0c7e1c2d3b4a" } });
  check("B dials A with a WWE_PARTY object", ok(r), r.text);
  // N3: Ringing
  let d = checkCallMessage("N3", await events.next(), "StatusChange", "Ringing");
  const callId = d?.call?.id;
  check("N3 no ani on a colleague's call", d?.call && !("ani" in d.call), d?.call);
  check("N3 capabilities", sameSet(d?.call?.capabilities, ["Answer", "UpdateUserData", "DeleteUserData", "DeleteUserDataPair", "AttachUserData", "ClearCall"]),
    d?.call?.capabilities);
  check("N3 the caller's party object", sameValue(d?.call?.userData?.[`WWE_PARTY_${deviceOfB?.phoneNumber}`], partyB), d?.call?.userData);
  check("N3 extensions", typeof d?.extensions?.BusinessCall === "number" && d.extensions.OriginationDN === deviceOfB?.phoneNumber
    && isString(d.extensions.OriginationDN_location), d?.extensions);
  check("N3 phoneNumber is A's DN", d?.phoneNumber === device?.phoneNumber, d?.phoneNumber);
  // 22: WWE writes its own party into the call
  const partyA = { username: user?.userName, firstname: user?.firstName, lastname: user?.lastName, path: `/users/${user?.id}` };
  r = await a.post(`/api/v2/me/calls/${callId}`, { operationName: "UpdateUserData", userData: { [`WWE_PARTY_${device?.phoneNumber}`]: partyA } });
  check("22 UpdateUserData with an object", r.status === 200 && r.text === '{"statusCode":0}', r.text);
  d = checkCallMessage("N4", await events.next(), "AttachedDataChanged", "Ringing");
  check("N4 no extensions", d && !("extensions" in d), keys(d));
  check("N4 both party objects", sameValue(d?.call?.userData?.[`WWE_PARTY_${device?.phoneNumber}`], partyA)
    && d?.call?.userData?.[`WWE_PARTY_${deviceOfB?.phoneNumber}`]?.username === userOfB?.userName, d?.call?.userData);
  // 23: Answer
  r = await a.post(`/api/v2/me/calls/${callId}`, { operationName: "Answer" });
  check("23 Answer", r.status === 200 && r.text === '{"statusCode":0}', r.text);
  d = checkCallMessage("N5", await events.next(), "StatusChange", "Established");
  check("N5 capabilities", ["UpdateUserData", "DeleteUserData", "DeleteUserDataPair", "InitiateConference", "AttachUserData", "Hangup", "SingleStepConference",
    "SingleStepTransfer", "SendDtmf", "ClearCall", "Hold", "InitiateTransfer"].every(c => d?.call?.capabilities?.includes(c)), d?.call?.capabilities);
  check("N5 case: []", JSON.stringify(d?.call?.case) === "[]", d?.call);
  check("N5 extensions", typeof d?.extensions?.BusinessCall === "number", d?.extensions);
  // WWE's recovery GET shows what the notification showed
  r = await a.get(`/api/v2/me/calls/${callId}`);
  check("GET the call = the notification's call", ok(r) && sameValue(r.json.call.userData, d?.call?.userData)
    && r.json.call.state === "Established", r.text);
  await a.post(`/api/v2/me/calls/${callId}`, { operationName: "Hangup" });
  await new Promise(resolve => events.cometd.disconnect(() => resolve()));
} catch (e) {
  check("replay ran to the end", false, String(e && e.stack || e));
}
console.log(JSON.stringify({ passed, failed }));
process.exit(failed ? 1 : 0);

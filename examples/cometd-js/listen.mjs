// Prints an agent's GWS notifications, one JSON object a line, using the CometD JavaScript client.
//   npm ci && node listen.mjs http://127.0.0.1:8090 agent1 demo [long-polling|websocket] [--brief] [--ack]
// --ack loads CometD's acknowledgement extension: no notification is lost across a dropped connection.
// --brief prints one short line a notification instead: type, state, call id, call type, participants
// (or, for a device, the agent state and DND, forwarding or monitoring when on).
import { adapt } from "cometd-nodejs-client";
import { CometD } from "cometd";
import WebSocket from "ws";
import { AckExtension } from "cometd/AckExtension.js";

const brief = process.argv.includes("--brief");
const ack = process.argv.includes("--ack");
const [base, user, password, transport = "long-polling"] = process.argv.slice(2).filter(a => !a.startsWith("--"));
if (!password) { console.error("usage: node listen.mjs BASE_URL USER PASSWORD [long-polling|websocket] [--brief]"); process.exit(2); }
const basic = "Basic " + Buffer.from(`${user}:${password}`).toString("base64");

// Log in over REST, as a desktop does; the reply's JSESSIONID cookie is the login.
const me = await fetch(`${base}/api/v2/me`, { headers: { Authorization: basic } });
if (!me.ok) { console.error(`login failed: HTTP ${me.status} ${await me.text()}`); process.exit(1); }
const session = me.headers.get("set-cookie").split(";")[0];

adapt();
// A browser sends the cookie on the websocket upgrade by itself; Node's ws needs to be told.
globalThis.window.WebSocket = class extends WebSocket {
  constructor(url, protocols) { super(url, protocols, { headers: { Cookie: session } }); }
};
const cometd = new CometD();
if (ack) cometd.registerExtension("ack", new AckExtension());
if (transport === "long-polling") cometd.unregisterTransport("websocket");
cometd.configure({ url: `${base}/api/v2/notifications`, requestHeaders: { Cookie: session } });
// Subscribing on every successful handshake, not only the first: when the server has forgotten this client
// (402::unknown client, after a restart or a long cut), CometD handshakes again by itself, and the new session has
// no subscriptions and missed whatever happened meanwhile, so the state is read again (docs/reliability.md).
let handshakes = 0;
cometd.addListener("/meta/handshake", async reply => {
  if (!reply.successful) {
    if (handshakes === 0) { console.error("handshake failed:", reply.error); process.exit(1); }
    return; // CometD keeps trying
  }
  handshakes++;
  cometd.subscribe("/v2/me/*", message => console.log(brief ? summary(message.data) : JSON.stringify(message.data)));
  if (handshakes === 1) {
    console.log(`# connected over ${cometd.getTransport().type}`);
  } else {
    const state = await fetch(`${base}/api/v2/me?subresources=*`, { headers: { Cookie: session } });
    console.log(`# handshake again: state re-read, HTTP ${state.status}`);
  }
});
cometd.handshake();

function summary(data) {
  if (data.messageType === "DeviceStateChangeMessage") {
    const device = data.devices[0];
    const state = device.userState.state + (device.userState.workMode ? "/" + device.userState.workMode : "");
    const dnd = device.doNotDisturb === "On" ? " DND" : "";
    const forward = device.forwardTo ? ` forwardTo=${device.forwardTo}` : "";
    const monitoring = device.supervisorMonitoringState ? ` ${device.supervisorMonitoringState.state}` : "";
    return `${user}: DeviceStateChange ${state}${dnd}${forward}${monitoring}`;
  }
  if (data.messageType === "ErrorMessage") {
    return `${user}: ErrorMessage ${data.errorCode} "${data.errorMessage}" on ${data.callId}`;
  }
  const call = data.call || {};
  const participants = (call.participants || []).map(p => p.phoneNumber).join(",");
  const userData = call.userData ? " " + JSON.stringify(call.userData) : "";
  return `${user}: ${data.notificationType} ${call.state} ${call.id} ${call.callType} [${participants}]${userData}`;
}

// Prints an agent's GWS notifications, one JSON object a line, using the CometD JavaScript client.
//   npm ci && node listen.mjs http://127.0.0.1:8090 agent1 demo [long-polling|websocket]
import { adapt } from "cometd-nodejs-client";
import { CometD } from "cometd";
import WebSocket from "ws";

const [base, user, password, transport = "long-polling"] = process.argv.slice(2);
if (!password) { console.error("usage: node listen.mjs BASE_URL USER PASSWORD [long-polling|websocket]"); process.exit(2); }
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
if (transport === "long-polling") cometd.unregisterTransport("websocket");
cometd.configure({ url: `${base}/api/v2/notifications`, requestHeaders: { Cookie: session } });
cometd.handshake(reply => {
  if (!reply.successful) { console.error("handshake failed:", reply.error); process.exit(1); }
  console.log(`# connected over ${cometd.getTransport().type}`);
  cometd.subscribe("/v2/me/*", message => console.log(JSON.stringify(message.data)));
});

// Supervisor monitoring: ListenIn, Coach and BargeIn on an agent's device, and CancelSupervisorMonitoring, offered
// from the capabilities of the supervisor's device. The monitored calls themselves are ordinary call cards.

const $ = id => document.getElementById(id);
const START = ["ListenIn", "Coach", "BargeIn"];
const CANCEL = "CancelSupervisorMonitoring";
const DOING = { ListenIn: "Listening in on", Coach: "Coaching", BargeIn: "Barging in on" };

export class Monitoring {
  constructor(send, run) {
    this.send = send;         // (device, body) => Promise of the reply
    this.run = run;           // (request) => runs it and shows a refusal
    this.device = null;
    this.names = new Map();   // targetDeviceUri -> the DN typed for it (the device resource names only the URI)
    this.asked = null;        // the DN of a start request whose supervisorMonitoringState has not come yet
    for (const b of $("monitor").querySelectorAll("button[data-op]")) b.addEventListener("click", () => this.run(() => this.perform(b.dataset.op)));
    // Enter in the DN field listens in: the quietest of the three.
    $("monitor-form").addEventListener("submit", event => { event.preventDefault(); this.run(() => this.perform("ListenIn")); });
  }

  clear() { this.names.clear(); this.asked = null; this.show(null); }

  async perform(op) {
    const device = this.device;
    if (!device) return;
    const body = { operationName: op };
    if (op !== CANCEL) {
      const number = $("monitor-number").value.trim();
      if (!number) { $("monitor-number").focus(); throw new Error("Enter the DN of the agent to monitor first."); }
      // phoneNumber, which GWS's latest pages allow beside targetDeviceUri: a supervisor may not read other users' devices.
      Object.assign(body, { phoneNumber: number, supervisorMonitoringMode: $("monitor-mode").value,
        supervisorMonitoringScope: $("monitor-scope").value });
      this.asked = number;
    }
    try {
      await this.send(device, body);
    } catch (e) {
      if (op !== CANCEL) this.asked = null;
      throw e;
    }
  }

  /** The selected device, after any change to it: the panel is there only when its capabilities have monitoring. */
  show(device) {
    this.device = device;
    const caps = new Set(device?.capabilities || []);
    const monitoring = device?.supervisorMonitoringState;
    $("monitor").hidden = !(START.some(op => caps.has(op)) || caps.has(CANCEL) || monitoring);
    for (const b of $("monitor").querySelectorAll("button[data-op]")) b.hidden = !caps.has(b.dataset.op);
    // Disabled rather than hidden while monitoring, so that the panel keeps its size.
    for (const field of ["monitor-number", "monitor-mode", "monitor-scope"]) $(field).disabled = Boolean(monitoring);
    const state = $("monitoring-state");
    state.dataset.state = monitoring?.state || "";
    if (!monitoring) { state.textContent = "Not monitoring."; return; }
    if (!this.names.has(monitoring.targetDeviceUri) && this.asked) this.names.set(monitoring.targetDeviceUri, this.asked);
    this.asked = null;
    const target = this.names.get(monitoring.targetDeviceUri) || `device ${String(monitoring.targetDeviceUri).split("/").pop()}`;
    state.textContent = `${DOING[monitoring.state] || monitoring.state} ${target}: ` +
      `${monitoring.mode === "NextCall" ? "next call only" : "all calls"}, ` +
      `${monitoring.scope === "Agent" ? "stays with the agent" : "follows the call"}.`;
  }
}

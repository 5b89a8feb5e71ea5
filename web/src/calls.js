// Draws the agent's calls: one card a call, updated in place, with one button for each of its capabilities.
const NEEDS_DESTINATION = new Set(["SingleStepTransfer", "InitiateTransfer", "SingleStepConference", "InitiateConference"]);
const LABELS = {
  Answer: "Answer", Reject: "Reject", Hangup: "Hang up", Hold: "Hold", Retrieve: "Retrieve",
  MuteCall: "Mute", UnmuteCall: "Unmute", SendDtmf: "Send DTMF", SingleStepTransfer: "Transfer",
  InitiateTransfer: "Consult (transfer)", CompleteTransfer: "Complete transfer", SingleStepConference: "Conference",
  InitiateConference: "Consult (conference)", CompleteConference: "Complete conference", SwapCalls: "Swap",
  StartCallRecording: "Record", PauseCallRecording: "Pause recording", ResumeCallRecording: "Resume recording",
  StopCallRecording: "Stop recording",
};
// Operations the desktop does not offer as a plain button (they need input it has no field for yet).
const HIDDEN = new Set(["AttachUserData", "UpdateUserData", "DeleteUserData", "DeleteUserDataPair", "RemoveParticipantFromConference"]);

export class CallList {
  constructor(list, empty, perform) {
    this.list = list;
    this.empty = empty;
    this.perform = perform; // (call, operationName, params) => Promise
    this.calls = new Map(); // id -> { call, since, element }
    setInterval(() => this.tick(), 1000);
  }

  clear() {
    this.calls.clear();
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  /** Takes a call resource from a notification or from GET; a Released call leaves the list. */
  update(call) {
    const known = this.calls.get(call.id);
    if (call.state === "Released") {
      if (known) { known.element.remove(); this.calls.delete(call.id); }
    } else {
      const entry = known || { since: Date.now() - Number(call.duration || 0) * 1000, element: document.createElement("li") };
      entry.call = call;
      if (!known) { this.calls.set(call.id, entry); this.list.append(entry.element); }
      this.draw(entry);
    }
    this.empty.hidden = this.calls.size > 0;
  }

  /** Replaces the whole list, after a (re)connection. */
  replace(calls) {
    const ids = new Set(calls.map(c => c.id));
    for (const [id, entry] of this.calls) if (!ids.has(id)) { entry.element.remove(); this.calls.delete(id); }
    calls.forEach(c => this.update(c));
    this.empty.hidden = this.calls.size > 0;
  }

  /** The other call of the device, for CompleteTransfer, CompleteConference and SwapCalls. */
  other(call) {
    for (const { call: c } of this.calls.values()) if (c.id !== call.id) return c;
    return null;
  }

  draw(entry) {
    const { call, element } = entry;
    element.className = "call" + (call.state === "Ringing" ? " ringing" : "");
    element.dataset.callId = call.id;
    element.dataset.state = call.state;
    const who = (call.participants || []).map(p => p.formattedPhoneNumber || p.phoneNumber).join(", ") || "–";
    const focused = element.contains(document.activeElement) ? document.activeElement.dataset.op : null;
    element.replaceChildren(
      div("call-head",
        span("call-state", call.state + (call.mute === "On" ? " (muted)" : "")),
        span("call-type", call.callType || ""),
        span("participants", (call.state === "Ringing" ? "From " : "With ") + who),
        span("duration", "")),
      userData(call.userData),
      buttons(call, op => this.perform(call, op)));
    element.setAttribute("aria-label", `${call.state} ${call.callType || ""} call with ${who}`);
    if (focused) element.querySelector(`button[data-op="${focused}"]`)?.focus();
    this.tickOne(entry);
  }

  tick() { this.calls.forEach(e => this.tickOne(e)); }

  tickOne({ since, element }) {
    const s = Math.max(0, Math.floor((Date.now() - since) / 1000));
    element.querySelector(".duration").textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }
}

export const needsDestination = op => NEEDS_DESTINATION.has(op);

function buttons(call, onClick) {
  const group = div("ops");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Call operations");
  for (const op of call.capabilities || []) {
    if (HIDDEN.has(op)) continue;
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.op = op;
    b.textContent = LABELS[op] || op;
    b.addEventListener("click", () => onClick(op));
    group.append(b);
  }
  return group;
}

function userData(data) {
  const dl = document.createElement("dl");
  dl.className = "user-data";
  for (const [k, v] of Object.entries(data || {})) {
    const pair = document.createElement("div");
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = typeof v === "object" ? JSON.stringify(v) : String(v);
    pair.append(dt, dd);
    dl.append(pair);
  }
  return dl;
}

function div(className, ...children) { const d = document.createElement("div"); d.className = className; d.append(...children); return d; }
function span(className, text) { const s = document.createElement("span"); s.className = className; s.textContent = text; return s; }

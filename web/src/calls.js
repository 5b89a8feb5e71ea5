// Draws the agent's calls: one card a call, updated in place, with one button for each of its capabilities.
const NEEDS_DESTINATION = new Set(["SingleStepTransfer", "InitiateTransfer", "SingleStepConference", "InitiateConference"]);
const LABELS = {
  Answer: "Answer", Reject: "Reject", Hangup: "Hang up", Hold: "Hold", Retrieve: "Retrieve",
  MuteCall: "Mute", UnmuteCall: "Unmute", SendDtmf: "Send DTMF", SingleStepTransfer: "Transfer",
  InitiateTransfer: "Consult (transfer)", CompleteTransfer: "Complete transfer", SingleStepConference: "Conference",
  InitiateConference: "Consult (conference)", CompleteConference: "Complete conference", SwapCalls: "Swap",
  StartCallRecording: "Record", PauseCallRecording: "Pause recording", ResumeCallRecording: "Resume recording",
  StopCallRecording: "Stop recording", SwitchToListenIn: "Listen in", SwitchToBargeIn: "Barge in",
  MuteMonitoredUser: "Mute the agent", UnmuteMonitoredUser: "Unmute the agent", ClearCall: "End for all",
};
// The buttons a call needs most come first, in the same place on every card and first for Tab; the others follow in
// the order of the call's capabilities.
const FIRST = ["Answer", "Reject", "Hangup", "Hold", "Retrieve"];
// Operations the desktop does not offer as a plain button: the user data ones have the card's data form instead.
const HIDDEN = new Set(["AttachUserData", "UpdateUserData", "DeleteUserData", "DeleteUserDataPair", "RemoveParticipantFromConference"]);

export class CallList {
  /**
   * @param perform    (call, operationName, params) => Promise
   * @param onReleased (released call resource, its duration in seconds), for the wrap-up
   * @param dnOf       (deviceUri) => the DN of that device of the user, for the card
   * @param onFocusOut () => where the focus goes when the card that had it leaves
   */
  constructor(list, empty, { perform, onReleased = () => {}, dnOf = () => null, onFocusOut = () => {} }) {
    this.list = list;
    this.empty = empty;
    this.perform = perform;
    this.onReleased = onReleased;
    this.dnOf = dnOf;
    this.onFocusOut = onFocusOut;
    // Keyed by call and device: a call between two of the user's own devices is on both, a card on each.
    this.calls = new Map(); // key -> { call, since, element }
    setInterval(() => this.tick(), 1000);
  }

  clear() {
    this.calls.clear();
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  /** Takes a call resource from a notification or from GET; a Released call leaves the list. */
  update(call) {
    const key = keyOf(call);
    const known = this.calls.get(key);
    if (call.state === "Released") {
      if (known) {
        const hadFocus = known.element.contains(document.activeElement);
        known.element.remove();
        this.calls.delete(key);
        const reported = Number(call.duration);
        // A supervisor's monitoring leg is no interaction of its own: the agent wraps the call up.
        if (!(call.monitoring || known.call.monitoring)) {
          this.onReleased(call, Number.isFinite(reported) && reported > 0 ? reported : seconds(known.since));
        }
        if (hadFocus) this.onFocusOut();
      }
    } else {
      const entry = known || { since: Date.now() - Number(call.duration || 0) * 1000, element: document.createElement("li") };
      entry.call = call;
      if (!known) { this.calls.set(key, entry); this.list.append(entry.element); }
      this.draw(entry);
    }
    this.empty.hidden = this.calls.size > 0;
  }

  /** Replaces the whole list, after a (re)connection. */
  replace(calls) {
    const keys = new Set(calls.map(keyOf));
    for (const [key, entry] of this.calls) if (!keys.has(key)) { entry.element.remove(); this.calls.delete(key); }
    calls.forEach(c => this.update(c));
    this.empty.hidden = this.calls.size > 0;
  }

  /** The other call of the same device, for CompleteTransfer, CompleteConference and SwapCalls. */
  other(call) {
    for (const { call: c } of this.calls.values()) if (c.id !== call.id && c.deviceUri === call.deviceUri) return c;
    return null;
  }

  draw(entry) {
    const { call, element } = entry;
    element.className = "call" + (call.state === "Ringing" ? " ringing" : "");
    element.dataset.callId = call.id;
    element.dataset.state = call.state;
    const dn = this.dnOf(call.deviceUri);
    element.dataset.dn = dn || "";
    const who = (call.participants || []).map(p => p.formattedPhoneNumber || p.phoneNumber).join(", ") || "–";
    // A redraw (any notification for the call) keeps what is being typed in the data form, and the focus.
    const active = element.contains(document.activeElement) ? document.activeElement : null;
    const focused = active?.dataset.op ? `button[data-op="${CSS.escape(active.dataset.op)}"]` : active?.id ? `#${CSS.escape(active.id)}` : null;
    const typed = [...element.querySelectorAll("input")].map(i => [i.id, i.value]);
    const ops = new Set(call.capabilities || []);
    const lead = call.monitoring ? "Monitoring " : call.state === "Ringing" ? "From " : "With ";
    // The call buttons come right after the head, so that Tab from the Dial form reaches them first.
    element.replaceChildren(
      div("call-head",
        span("call-state", call.state + (call.mute === "On" ? " (muted)" : "")),
        span("call-type", call.callType || ""),
        span("participants", lead + who),
        span("duration", ""),
        span("call-dn", dn ? `on ${dn}` : "")),
      span("call-flags", flags(call)),
      buttons(call, op => this.perform(call, op)),
      conference(call, ops.has("RemoveParticipantFromConference") ? number => this.perform(call, "RemoveParticipantFromConference", { participant: number }) : null),
      userData(call.userData, ops.has("DeleteUserDataPair") ? key => this.perform(call, "DeleteUserDataPair", { key }) : null),
      dataForm(call, ops, (op, data) => this.perform(call, op, { userData: data })));
    element.setAttribute("aria-label", `${call.state} ${call.callType || ""} call ${call.monitoring ? "monitored" : "with"} ${who}${dn ? ` on ${dn}` : ""}`);
    for (const [id, value] of typed) { const input = id && element.querySelector(`#${CSS.escape(id)}`); if (input) input.value = value; }
    if (focused) element.querySelector(focused)?.focus();
    this.tickOne(entry);
  }

  tick() { this.calls.forEach(e => this.tickOne(e)); }

  tickOne({ since, element }) {
    element.querySelector(".duration").textContent = minutes(seconds(since));
  }
}

export const needsDestination = op => NEEDS_DESTINATION.has(op);
const keyOf = call => `${call.id} ${call.deviceUri || ""}`;

/** What a supervisor's monitoring does to the call, for the agent and for the supervisor. */
function flags(call) {
  const on = [];
  if (call.monitoring) on.push(call.supervisorListeningIn ? "You are listening in" : "You can be heard");
  else if (call.supervisorListeningIn) on.push("A supervisor is listening in");
  if (call.monitoredUserMuted) on.push(call.monitoring ? "The agent is muted" : "A supervisor has muted you");
  return on.join(" · ");
}
export const minutes = s => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
const seconds = since => Math.max(0, Math.floor((Date.now() - since) / 1000));

function buttons(call, onClick) {
  const group = div("ops");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Call operations");
  const caps = call.capabilities || [];
  for (const op of [...FIRST.filter(op => caps.includes(op)), ...caps.filter(op => !FIRST.includes(op))]) {
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

/** With RemoveParticipantFromConference, each other participant with a Remove button; else nothing. */
function conference(call, onRemove) {
  const ul = document.createElement("ul");
  ul.className = "conference";
  ul.setAttribute("aria-label", "Conference participants");
  if (!onRemove) { ul.hidden = true; return ul; }
  for (const p of call.participants || []) {
    const number = p.phoneNumber;
    const li = document.createElement("li");
    li.dataset.participant = number;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.dataset.op = "RemoveParticipantFromConference:" + number; // keeps the focus through a redraw
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", `Remove ${p.formattedPhoneNumber || number} from the conference`);
    remove.addEventListener("click", () => onRemove(number));
    li.append(span("participant", p.formattedPhoneNumber || number), remove);
    ul.append(li);
  }
  return ul;
}

function userData(data, onRemove) {
  const dl = document.createElement("dl");
  dl.className = "user-data";
  dl.setAttribute("aria-label", "Attached data");
  for (const [k, v] of Object.entries(data || {})) {
    const pair = document.createElement("div");
    pair.dataset.key = k;
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = typeof v === "object" ? JSON.stringify(v) : String(v);
    pair.append(dt, dd);
    if (onRemove) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.dataset.op = "DeleteUserDataPair:" + k; // keeps the focus through a redraw like the other buttons
      remove.textContent = "×";
      remove.title = `Remove ${k}`;
      remove.setAttribute("aria-label", `Remove ${k}`);
      remove.addEventListener("click", () => onRemove(k));
      dd.append(remove);
    }
    dl.append(pair);
  }
  return dl;
}

/**
 * A key and a value to attach: UpdateUserData (adds or replaces the key) when the call offers it, else AttachUserData.
 * The card shows the change when its AttachedDataChanged notification comes, not from the reply.
 */
function dataForm(call, ops, onSubmit) {
  const op = ops.has("UpdateUserData") ? "UpdateUserData" : ops.has("AttachUserData") ? "AttachUserData" : null;
  const form = document.createElement("form");
  form.className = "data-form";
  if (!op) { form.hidden = true; return form; }
  form.dataset.op = op;
  const field = (name, label) => {
    const id = `${name}-${call.id}`;
    const l = document.createElement("label"); l.htmlFor = id; l.textContent = label;
    const input = document.createElement("input"); input.id = id; input.name = name; input.autocomplete = "off"; input.required = name === "key";
    return [l, input];
  };
  const [keyLabel, key] = field("data-key", "Key");
  const [valueLabel, value] = field("data-value", "Value");
  const add = document.createElement("button");
  add.type = "submit";
  add.dataset.op = op;
  add.textContent = op === "UpdateUserData" ? "Set data" : "Attach data";
  form.append(keyLabel, key, valueLabel, value, add);
  form.addEventListener("submit", event => {
    event.preventDefault();
    const k = key.value.trim();
    if (!k) { key.focus(); return; }
    const v = value.value;
    key.value = ""; value.value = "";
    key.focus();
    onSubmit(op, { [k]: v });
  });
  return form;
}

function div(className, ...children) { const d = document.createElement("div"); d.className = className; d.append(...children); return d; }
function span(className, text) { const s = document.createElement("span"); s.className = className; s.textContent = text; return s; }

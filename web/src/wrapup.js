// After a call: its wrap-up (a note, SetCallNote; completion, SetCallCompleted) and the agent's recent calls.
import { minutes } from "./calls.js";

/**
 * One wrap-up a released call, until dismissed. Saving sends the UCS operation; its result comes later, as a
 * UcsOperationResponse on /v2/me/ucs with the referenceId of the reply, and is shown on the wrap-up.
 * Those not completed yet are kept in sessionStorage (the call, its duration and the note being written; never
 * anything about the login), so that they survive a reload of the page.
 */
export class WrapUps {
  constructor(list, empty, ucs, onStored) {
    this.list = list;
    this.empty = empty;
    this.ucs = ucs;           // (callId, body) => Promise of the reply ({referenceId})
    this.onStored = onStored; // after a successful UcsOperationResponse
    this.pending = new Map(); // referenceId -> { element, what }
    this.early = new Map();   // referenceId -> response that came before its reply
  }

  /** Leaves the page's wrap-ups (logged out); those kept in the storage stay there for the next login. */
  clear() {
    this.storageKey = null;
    this.list.replaceChildren(); this.pending.clear(); this.early.clear(); this.empty.hidden = false;
  }

  /** From now on keeps them under this key (one a user), and shows those kept there. */
  restore(storageKey) {
    this.storageKey = storageKey;
    let kept = [];
    try { kept = JSON.parse(sessionStorage.getItem(storageKey) || "[]"); } catch { /* unreadable: start afresh */ }
    for (const w of kept.reverse()) this.show(w); // newest first, as they were
    this.save();
  }

  add(call, duration) {
    const other = (call.participants || []).map(p => p.formattedPhoneNumber || p.phoneNumber).join(", ") || "–";
    this.show({ callId: call.id, callType: call.callType || "", other, duration, note: "" });
    this.save();
  }

  /** What is left to do, in the storage: the wrap-ups on screen that are not completed. */
  save() {
    if (!this.storageKey) return;
    const open = [...this.list.children].filter(li => !li.classList.contains("completed")).map(li => ({
      callId: li.dataset.callId, callType: li.dataset.callType, other: li.dataset.other,
      duration: Number(li.dataset.duration), note: li.querySelector("textarea").value }));
    try {
      if (open.length) sessionStorage.setItem(this.storageKey, JSON.stringify(open));
      else sessionStorage.removeItem(this.storageKey);
    } catch { /* storage full or refused: they stay on the page only */ }
  }

  show({ callId, callType, other, duration, note }) {
    if (this.list.querySelector(`li[data-call-id="${CSS.escape(callId)}"]`)) return;
    const li = document.createElement("li");
    li.className = "wrap-up";
    li.dataset.callId = callId;
    li.dataset.callType = callType;
    li.dataset.other = other;
    li.dataset.duration = duration;
    li.setAttribute("aria-label", `Wrap-up of the ${callType} call with ${other}`);
    const id = `note-${callId}`;
    li.innerHTML = `
      <div class="call-head"><span class="call-state">Ended</span><span class="call-type"></span>
        <span class="participants"></span><span class="duration"></span></div>
      <label for="${id}">Note</label>
      <textarea id="${id}" class="note" rows="2" maxlength="16384"></textarea>
      <div class="row">
        <button type="button" class="save-note">Save note</button>
        <button type="button" class="complete">Complete</button>
        <button type="button" class="quiet dismiss">Dismiss</button>
        <span class="ucs-result" role="status" aria-live="polite"></span>
      </div>`;
    li.querySelector(".call-type").textContent = callType;
    li.querySelector("textarea").value = note || "";
    li.querySelector("textarea").addEventListener("input", () => this.save());
    li.querySelector(".participants").textContent = "With " + other;
    li.querySelector(".duration").textContent = minutes(duration);
    li.querySelector(".save-note").addEventListener("click", () =>
      this.send(li, "Note", { operationName: "SetCallNote", note: li.querySelector("textarea").value }));
    li.querySelector(".complete").addEventListener("click", () =>
      this.send(li, "Completion", { operationName: "SetCallCompleted", callDuration: duration }));
    li.querySelector(".dismiss").addEventListener("click", () => this.dismiss(li));
    this.list.prepend(li);
    this.empty.hidden = true;
  }

  dismiss(li) {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    for (const [ref, p] of this.pending) if (p.element === li) this.pending.delete(ref);
    this.empty.hidden = this.list.children.length > 0;
    this.save();
    (next?.querySelector("textarea") || document.getElementById("destination")).focus();
  }

  async send(li, what, body) {
    const result = li.querySelector(".ucs-result");
    result.dataset.state = "pending";
    result.textContent = `${what}: saving…`;
    try {
      const reply = await this.ucs(li.dataset.callId, body);
      this.pending.set(reply.referenceId, { element: li, what });
      const early = this.early.get(reply.referenceId);
      if (early) { this.early.delete(reply.referenceId); this.onResponse(early); }
    } catch (e) {
      result.dataset.state = "failed";
      result.textContent = `${what} refused: ${e.message}`;
    }
  }

  /** A UcsOperationResponse from /v2/me/ucs. */
  onResponse(data) {
    if (data.messageType !== "UcsOperationResponse") return;
    const p = this.pending.get(data.referenceId);
    if (!p) { this.early.set(data.referenceId, data); return; }
    this.pending.delete(data.referenceId);
    const result = p.element.querySelector(".ucs-result");
    result.dataset.state = data.success ? "saved" : "failed";
    result.textContent = data.success ? `${p.what} saved.` : `${p.what} not saved: ${data.errorMessage || "failed"}`;
    if (data.success) {
      p.element.classList.toggle("noted", p.what === "Note" || p.element.classList.contains("noted"));
      if (p.what === "Completion") { p.element.classList.add("completed"); this.save(); }
      this.onStored();
    }
  }
}

/** The agent's last calls, from GET /api/v2/me/call-history?limit=5. */
export class RecentCalls {
  constructor(body, empty, read, myNumbers) {
    this.body = body;
    this.empty = empty;
    this.read = read;           // () => Promise of the history reply
    this.myNumbers = myNumbers; // () => the DNs of the agent's devices
    this.loading = null;
  }

  clear() { this.body.replaceChildren(); this.empty.hidden = false; }

  /** Reads again; requests that come while one is out are folded into one more read after it. */
  refresh() {
    if (this.loading) { this.again = true; return this.loading; }
    this.loading = this.read().then(reply => this.show(reply.calls || []), () => {}).finally(() => {
      this.loading = null;
      if (this.again) { this.again = false; this.refresh(); }
    });
    return this.loading;
  }

  show(calls) {
    const mine = new Set(this.myNumbers());
    this.body.replaceChildren(...calls.map(c => {
      const tr = document.createElement("tr");
      tr.dataset.callId = c.id;
      const others = [...new Set((c.parties || []).map(p => p.phoneNumber).filter(n => !mine.has(n)))];
      const started = new Date(c.startedAt);
      const marks = document.createElement("td");
      marks.className = "marks";
      if (c.note) marks.append(mark("note-mark", "✎", `Note: ${c.note}`));
      if (c.completed) marks.append(mark("completed-mark", "✓", "Completed"));
      tr.append(
        cell(started.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }), started.toLocaleString()),
        cell(c.callType || ""),
        cell(others.join(", ") || "–"),
        cell(c.duration === undefined ? "…" : minutes(c.duration)),
        marks);
      return tr;
    }));
    this.empty.hidden = calls.length > 0;
  }
}

function cell(text, title) { const td = document.createElement("td"); td.textContent = text; if (title) td.title = title; return td; }
function mark(className, symbol, label) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = symbol;
  s.title = label;
  s.setAttribute("role", "img");
  s.setAttribute("aria-label", label);
  return s;
}

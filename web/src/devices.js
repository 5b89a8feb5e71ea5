// The user's devices as GWS reports them (each its own DN, agent state, do-not-disturb and forwarding), and the
// one the desktop uses: it dials, and do-not-disturb, forwarding and monitoring apply to it.

const $ = id => document.getElementById(id);

export class Devices {
  constructor(onChange = () => {}) {
    this.onChange = onChange; // (selected device) after any change
    this.devices = new Map(); // id -> device resource, in the order GET /me lists them
    this.selectedId = null;
    $("device-select").addEventListener("change", () => { this.selectedId = $("device-select").value; this.draw(); });
  }

  get selected() { return this.devices.get(this.selectedId) || null; }

  clear() {
    this.devices.clear();
    this.selectedId = null;
    this.draw();
  }

  /** All of them, from GET /me?subresources=* after each (re)connection; the choice stays if the device does. */
  replace(devices) {
    this.devices = new Map(devices.map(d => [d.id, d]));
    if (!this.devices.has(this.selectedId)) this.selectedId = devices[0]?.id ?? null;
    this.draw();
  }

  /** The devices of a DeviceStateChangeMessage; one the page did not know (just assigned) is added. */
  update(devices) {
    for (const d of devices) this.devices.set(d.id, d);
    this.selectedId ??= devices[0]?.id ?? null;
    this.draw();
  }

  numbers() { return [...this.devices.values()].map(d => d.phoneNumber); }

  /** The DN of the device a call resource's deviceUri names, if it is one of these. */
  dnOf(deviceUri) {
    const id = String(deviceUri || "").split("/").pop();
    return this.devices.get(id)?.phoneNumber ?? null;
  }

  draw() {
    const d = this.selected;
    $("dn").textContent = d?.phoneNumber ?? "–";
    const state = d?.userState || {};
    $("agent-state").textContent = d ? stateText(state) : "–";
    $("agent-state").dataset.state = state.state || "";
    $("device-flags").textContent = d ? flags(d) : "–";

    // The choice and the list appear only for a user with more than one device.
    const all = [...this.devices.values()];
    $("devices-row").hidden = all.length < 2;
    const select = $("device-select");
    const options = all.map(x => { const o = new Option(x.phoneNumber, x.id); o.selected = x.id === this.selectedId; return o; });
    // Rebuilt only when the devices change, so that a keyboard user moving through the options is not disturbed.
    if ([...select.options].map(o => o.value).join() !== all.map(x => x.id).join()) select.replaceChildren(...options);
    select.value = this.selectedId ?? "";
    $("device-list").replaceChildren(...all.map(x => {
      const li = document.createElement("li");
      li.dataset.deviceId = x.id;
      li.dataset.dn = x.phoneNumber;
      li.dataset.state = x.userState?.state || "";
      li.classList.toggle("selected", x.id === this.selectedId);
      li.textContent = `${x.phoneNumber}: ${stateText(x.userState || {})}, ${flags(x)}`;
      return li;
    }));
    this.onChange(d);
  }
}

function stateText(state) {
  return (state.displayName || state.state || "–") + (state.workMode ? ` (${state.workMode})` : "");
}

function flags(d) {
  const on = [d.doNotDisturb === "On" ? "Do Not Disturb" : null, d.forwardTo ? `forwarded to ${d.forwardTo}` : null].filter(Boolean);
  return on.join(", ") || "Available";
}

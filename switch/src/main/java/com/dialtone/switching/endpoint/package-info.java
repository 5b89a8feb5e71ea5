/**
 * The seam between the switch's call logic and the devices: {@link com.dialtone.switching.endpoint.Endpoint}
 * (the switch's physical actions), {@link com.dialtone.switching.endpoint.Leg} (one party's connection, on
 * which the device's {@link com.dialtone.switching.endpoint.Progress} is reported),
 * {@link com.dialtone.switching.endpoint.Endpoints} (which endpoint plays which number) and
 * {@link com.dialtone.switching.endpoint.DeviceCalls} (calls a device starts by itself).
 *
 * <p>To add a kind of device: implement {@code Endpoint}, and give the switch an {@code Endpoints} that
 * returns it for the DNs and external numbers it plays (falling back to the simulated ones for the rest).
 * Report what the devices do on their legs from any thread; the switch turns each report into a unit of
 * work on its own thread. Nothing else in the switch changes. docs/architecture.md walks through it.
 */
package com.dialtone.switching.endpoint;

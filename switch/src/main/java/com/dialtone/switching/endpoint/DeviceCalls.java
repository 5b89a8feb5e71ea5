package com.dialtone.switching.endpoint;

import com.dialtone.switching.UserData;
import java.util.concurrent.CompletableFuture;

/**
 * Calls that a device starts by itself, rather than a client through the switch's requests: a customer
 * calling in on a trunk, an agent dialling on the handset. The switch makes the call as it would for a
 * request, but does not ask the originating device to {@link Endpoint#dial}: it is calling already. Any
 * thread.
 *
 * <p>The {@code state} given is attached to the originating leg before any action reaches it
 * ({@link Leg#attachment()}), so that the endpoint knows the leg in every action even before the future
 * completes.
 */
public interface DeviceCalls {

    /**
     * A call arrives from outside: the external number {@code from}, carried by {@code endpoint}, calls
     * {@code to}, a routing point or a DN of this switch. The call has type {@code INBOUND}; it waits at a
     * routing point as any other call does.
     *
     * @return the caller's leg, once the call is made; completes exceptionally with
     *         {@link com.dialtone.switching.SwitchRejection} when it is refused (the caller is then told busy
     *         or declined by its endpoint as it sees fit)
     */
    CompletableFuture<Leg> fromOutside(Endpoint endpoint, String from, String to, UserData userData, Object state);

    /**
     * The DN's own device dialled {@code destination}: the same call as a dial request, with the DN dialling
     * and its established call, if any, put on hold.
     *
     * @return the DN's leg in the new call
     */
    CompletableFuture<Leg> fromDn(String dn, String destination, Object state);
}

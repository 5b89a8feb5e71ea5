package com.dialtone.server.faults;

import com.dialtone.server.http.SwitchUnreachable;
import com.dialtone.switching.Switch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;

/**
 * The switch as the API's operations reach it: through the link the test lab can take down. While it is
 * down, every request (each {@link Switch} method that returns a future) fails at once with
 * {@link SwitchUnreachable}, without reaching the switch, so nothing changes; queries still answer, as GWS
 * still serves what it knows. A proxy, so that a request added to {@link Switch} is covered without a change here.
 */
public final class LinkedSwitch {

    private LinkedSwitch() {
    }

    public static Switch over(Switch target, Faults faults) {
        return (Switch) Proxy.newProxyInstance(Switch.class.getClassLoader(), new Class<?>[] {Switch.class}, (proxy, method, args) -> {
            if (method.getReturnType() == CompletableFuture.class && faults.refuseSwitchRequest()) {
                return CompletableFuture.failedFuture(new SwitchUnreachable());
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}

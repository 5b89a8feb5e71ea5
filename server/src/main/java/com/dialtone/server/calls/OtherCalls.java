package com.dialtone.server.calls;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import java.util.List;

/**
 * The second call an operation names ({@code consultCallUri}, {@code otherCallUri}), among the device's
 * calls. A client may send the call's URI, its path or its id; when it sends nothing, the one call that
 * fits is taken.
 */
final class OtherCalls {

    private OtherCalls() {
    }

    /** The consult call of a consultation, seen from either of its two calls. */
    static CallSnapshot consultOf(CallView view, Params params) {
        CallSnapshot partner = view.consultPartner().orElseThrow(() ->
                new GwsException(StatusCode.INVALID_STATE, "Call " + view.id() + " is not part of a consultation"));
        CallSnapshot consult = view.call().parentCallId() != null ? view.call() : partner;
        String named = PublicUrls.idIn(params.optionalText("consultCallUri"));
        if (named != null && !named.equals(consult.id())) {
            throw GwsException.invalid("consultCallUri", "call " + named + " is not the consult call of call " + view.id()
                    + "; that is " + consult.id());
        }
        return consult;
    }

    /** The call to swap with: the one named, or the device's only call in the state opposite to this one's. */
    static CallSnapshot swapPartnerOf(CallView view, Params params) {
        String named = PublicUrls.idIn(params.optionalText("otherCallUri"));
        if (named != null) {
            return view.others().stream().filter(other -> other.id().equals(named)).findFirst()
                    .orElseThrow(() -> GwsException.notFound("Call " + named));
        }
        PartyState wanted = view.state() == PartyState.HELD ? PartyState.ESTABLISHED : PartyState.HELD;
        List<CallSnapshot> candidates = view.others().stream().filter(other -> view.stateIn(other) == wanted).toList();
        if (candidates.size() != 1) {
            throw GwsException.missing("otherCallUri");
        }
        return candidates.get(0);
    }
}

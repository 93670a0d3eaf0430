package org.srvcc.procedure;

import java.util.TreeSet;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Kamf;

/** Per-UE contexts of each node. Fields carry the model's variable names. */
final class Nodes {
    private Nodes() {}

    enum UeState { Connected5G, HoCommanded, InUtranCall, NeedsReauth }
    enum AmfState { Idle, Preparing, Commanded, Released }
    enum MmeState { Idle, Preparing, Done }
    enum MscState { Idle, Prepared, Active }
    enum GnbState { Idle, Requested, Commanded, Cancelling }

    /** The UE: its KAMF (id 0 when it shares none), stored DL NAS COUNT and the mapped CS keys. */
    static final class UeCtx {
        UeState state = UeState.Connected5G;
        Kamf kamf;
        int dl;
        final TreeSet<Integer> used = new TreeSet<>();
        int derivs;
        CkIk key;
        int ksi;
        String session;
    }

    /** The AMF's context for one UE. KAMF lives here and in the UE, nowhere else. */
    static final class AmfCtx {
        AmfState state = AmfState.Idle;
        Kamf kamf;              // null once released
        int dl;
        final TreeSet<Integer> used = new TreeSet<>();
        int derivs;
        int att;
        int count;

        int kamfId() {
            return kamf == null ? 0 : kamf.term().id();
        }
    }

    /** MME_SRVCC: keeps no key; KASME_SRVCC is destroyed as soon as CK/IK are derived. */
    static final class MmeCtx {
        MmeState state = MmeState.Idle;
        int ksi;
        int att;
    }

    /** MSC server: the mapped SRVCC context (CK_SRVCC, IK_SRVCC, KSI_SRVCC) and the chosen algorithms. */
    static final class MscCtx {
        MscState state = MscState.Idle;
        CkIk key;
        int ksi;
        String alg = "none";
        int att;
    }

    static final class GnbCtx {
        GnbState state = GnbState.Idle;
    }

    static int ksiOf(int kamfId) {
        return kamfId % 7;
    }
}

package org.srvcc.procedure;

import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;

/**
 * What the nodes and the network report as they act. The evidence the invariants read (history,
 * wire scan) is built from these by an {@link Observer}; no node reads it back.
 */
public sealed interface Event {
    /** GTPv2-C octets as they went on the wire between two nodes; valid only during the call (copy to keep). */
    record Wire(String from, String to, byte[] octets) implements Event {
        @Override
        public String toString() {
            return "Wire[" + from + " -> " + to + ", " + octets.length + " octets]";
        }
    }

    /** Authentication gave the AMF and the UE a KAMF (ueCopy null for a UE without a 5G context). */
    record KamfIssued(int ue, Kamf amfCopy, Kamf ueCopy) implements Event {}

    /**
     * The AMF derived the key it sends (KASME_SRVCC, K'ASME, or CK||IK when direct); the evidence keeps its
     * fingerprint.
     */
    record AmfDerived(int ue, int att, Key256 kasme, CkIk ckIk) implements Event {}

    /** A key came to rest at, or passed through, a place a passive attacker may read. */
    record Held(Place place, KeyTerm key) implements Event {}

    /** The MSC server accepted CK_SRVCC||IK_SRVCC as the mapped context of this attempt. */
    record ContextMapped(int ue, int att, CkIk keys) implements Event {}

    /** The UE reached UTRAN on the SRVCC keys of this KAMF. */
    record ArrivedUtran(int ue, int kamfId) implements Event {}

    /** The UE's stored DL NAS COUNT changed (under the KAMF with this id). */
    record UeCountStored(int ue, int kamfId, int from, int to) implements Event {}

    /** The AMF's DL NAS COUNT changed under the KAMF with this id. */
    record AmfCountSet(int ue, int kamfId, int from, int to) implements Event {}

    /** The UE's state changed. */
    record UeMoved(int ue, Ue.State from, Ue.State to) implements Event {}

    /** The AMF derived a K'ASME for an EPS MME (TS 33.501 A.14); the key itself left the system. */
    record EpsKeyDerived(int ue, KeyTerm key) implements Event {}

    /** Receives every event, in order. */
    @FunctionalInterface
    interface Observer {
        void on(Event e);
    }
}

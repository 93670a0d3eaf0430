package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.KeyTerm;

/** The gNB node: the draft read literally hands it the key in the handover command. */
class GnbTest {
    @Test
    void readLiterallyTheDraftHandsTheGnbTheKeyInTheHandoverCommand() {
        // X.1.1 step 7 / X.1.2 step 5: "HO command with the security parameters" of step 4 (CK, IK) (models
        // *AsWrittenCompromisegNB)
        Options literal = Options.STANDARD.with(List.of("gnbSeesKeys=true", "amfFc=reuse-0x74", "countLsbBits=24"));
        Srvcc s = start(Profile.DRAFT_VIA_MME, literal, Set.of(Place.GNB));
        for (Action a : TO_CALL.subList(0, 7)) step(s, a);
        KeyTerm sent = s.evidence().held().get(Place.MME_SRVCC).iterator().next();
        assertEquals(
                "74",
                ((KeyTerm.KdfTerm) sent).fc().toString().replace("0x", "").toUpperCase(),
                "X.1.1 step 2: similar to A.14.2");
        KeyTerm ckIk = new KeyTerm.KdfTerm(sent, Fc.CK_IK_SRVCC, 0);
        assertEquals(
                Set.of(ckIk),
                s.evidence().held().get(Place.GNB),
                "the gNB holds MME_SRVCC's CK||IK of step 4, not the K'ASME");
        assertEquals(Set.of(ckIk), s.evidence().held().get(Place.MSC), "the very keys the MSC got");
        for (Action a : TO_CALL.subList(7, TO_CALL.size())) step(s, a);
        assertEquals(List.of("CkIkSecrecy"), Invariants.violated(s));
        Srvcc std = start(Profile.DRAFT_VIA_MME, Options.STANDARD, Set.of(Place.GNB));
        for (Action a : TO_CALL) step(std, a);
        assertEquals(Set.of(), std.evidence().held().get(Place.GNB));
    }
}

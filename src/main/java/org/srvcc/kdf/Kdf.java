package org.srvcc.kdf;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The generic key derivation function of TS 33.220 Annex B.2 on Bouncy Castle's HMAC-SHA-256. */
public final class Kdf {
    public static final int MAX_PARAM_LENGTH = 0xFFFF;
    public static final int OUTPUT_LENGTH = 32;

    private Kdf() {}

    /** S = FC || P0 || L0 || P1 || L1 || ..., each Li two octets big-endian. */
    public static byte[] inputString(Fc fc, byte[]... params) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(fc.encode());
        for (int i = 0; i < params.length; i++) {
            byte[] p = params[i];
            if (p.length > MAX_PARAM_LENGTH)
                throw new IllegalArgumentException(
                        "KDF parameter P" + i + " is " + p.length + " octets; the limit is 65535");
            s.writeBytes(p);
            s.write((p.length >> 8) & 0xFF);
            s.write(p.length & 0xFF);
        }
        return s.toByteArray();
    }

    /** HMAC-SHA-256(key, S); the caller owns and must clear the result if it is secret. */
    public static byte[] derive(byte[] key, Fc fc, byte[]... params) {
        return hmac(key, inputString(fc, params));
    }

    static byte[] hmac(byte[] key, byte[] s) {
        HMac mac = new HMac(new SHA256Digest());
        KeyParameter param = new KeyParameter(key); // Bouncy Castle keeps its own copy of the key
        try {
            mac.init(param);
            mac.update(s, 0, s.length);
            byte[] out = new byte[OUTPUT_LENGTH];
            mac.doFinal(out, 0);
            return out;
        } finally {
            Arrays.fill(param.getKey(), (byte) 0);
            mac.init(new KeyParameter(new byte[0])); // overwrites the key-derived ipad/opad state
        }
    }
}

package org.ctemcycles.app;

import org.ctemcycles.core.common.InvalidInputException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals the tokens of scheduled discovery sources with AES-256-GCM under a key kept outside the database (the command
 * line's key file beside the database), so that a copy of the database alone does not give the tokens away. The
 * sealed form is {@code v1:} and the base64 of a fresh 12-byte nonce followed by the ciphertext and tag; it is all
 * the database holds, and {@link #toString()} never shows the key.
 */
public final class TokenSeal {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes */
    public TokenSeal(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a token seal needs a 32-byte key");
        }
        this.key = key.clone();
    }

    public String seal(String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws InvalidInputException when the token was sealed with another key or altered */
    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidInputException("token", "the source's token cannot be opened with this key (sealed"
                    + " under another key, or altered); add the source again with its token");
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    @Override
    public String toString() {
        return "TokenSeal[key hidden]";
    }
}

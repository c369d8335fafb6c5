package org.ctemcycles.core.scope;

import java.util.Locale;
import java.util.Objects;

/**
 * The asset an observation is about, as the tool named it (a hostname, an IP, a URL, a repository, an image, ...).
 * {@link #key()} is the normalised form used in identities: host names and URL schemes/hosts are case-insensitive.
 */
public record AssetRef(AssetKind kind, String value) {

    public AssetRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public String key() {
        return switch (kind) {
            case HOST, IP_ADDRESS, CLOUD_ACCOUNT -> value.trim().toLowerCase(Locale.ROOT);
            default -> value.trim();
        };
    }
}

package org.ctemcycles.core.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle's scope at one moment: its surfaces' rules compiled, mapping each observed asset to the surface it belongs
 * to. When rules of several surfaces match, the most specific rule wins (see {@link ScopeRule.Matcher}); on a tie,
 * the surface registered first. Scanner output names the same asset thousands of times, so placements are
 * remembered per asset for the life of this object (one import).
 */
public final class Scope {

    private static final int MAX_REMEMBERED = 200_000;

    private record Compiled(String surfaceKey, ScopeRule.Matcher matcher) {
    }

    private final List<Compiled> rules = new ArrayList<>();
    private final Map<AssetRef, Placement> placements = new HashMap<>();

    public Scope(List<Surface> surfaces) {
        for (Surface surface : surfaces) {
            for (ScopeRule rule : surface.rules()) {
                rules.add(new Compiled(surface.key(), rule.compile()));
            }
        }
    }

    public Placement place(AssetRef ref) {
        Placement known = placements.get(ref);
        if (known != null) {
            return known;
        }
        Placement placement = placeAsset(Asset.of(ref));
        if (placements.size() >= MAX_REMEMBERED) {
            placements.clear();
        }
        placements.put(ref, placement);
        return placement;
    }

    public Placement placeAsset(Asset asset) {
        String best = null;
        int bestScore = -1;
        for (Compiled rule : rules) {
            int score = rule.matcher.specificity(asset);
            if (score > bestScore) {
                bestScore = score;
                best = rule.surfaceKey;
            }
        }
        return new Placement(asset, best);
    }
}

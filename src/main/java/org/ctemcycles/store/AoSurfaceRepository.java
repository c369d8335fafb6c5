package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.core.scope.SurfaceRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores surfaces ({@link SurfaceEntity}) and their scope rules ({@link ScopeRuleEntity}) through Active Objects. */
public class AoSurfaceRepository implements SurfaceRepository, ScopeRegister {

    private final ActiveObjects ao;

    public AoSurfaceRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public boolean insert(Surface surface) {
        try {
            ao.executeInTransaction(() -> {
                Map<String, Object> row = new HashMap<>();
                row.put("CYCLE_KEY", surface.cycleKey());
                row.put("SURFACE_KEY", surface.key());
                row.put("CYCLE_SURFACE", surface.cycleKey() + "/" + surface.key());
                SurfaceEntity entity = ao.create(SurfaceEntity.class, describe(surface, row));
                insertRules(entity.getID(), surface);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            // the unique CYCLE_SURFACE decides between two nodes registering the same surface
            if (find(surface.cycleKey(), surface.key()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** The cycle record's name for {@link #insert}. */
    @Override
    public boolean add(Surface surface) {
        return insert(surface);
    }

    /** Replaces the surface's description and its rules, in one transaction. */
    @Override
    public void update(Surface surface) {
        ao.executeInTransaction(() -> {
            SurfaceEntity[] rows = ao.find(SurfaceEntity.class,
                    Query.select().where("CYCLE_SURFACE = ?", surface.cycleKey() + "/" + surface.key()));
            if (rows.length == 0) {
                throw new NotFoundException("no surface " + surface.key() + " in cycle " + surface.cycleKey());
            }
            SurfaceEntity entity = rows[0];
            Map<String, Object> row = describe(surface, new HashMap<>());
            entity.setName((String) row.get("NAME"));
            entity.setKind((String) row.get("KIND"));
            entity.setBusinessOwner((String) row.get("BUSINESS_OWNER"));
            entity.setCriticality((String) row.get("CRITICALITY"));
            entity.setExposure((String) row.get("EXPOSURE"));
            entity.setSuccessCriterion((String) row.get("SUCCESS_CRITERION"));
            entity.save();
            ao.deleteWithSQL(ScopeRuleEntity.class, "SURFACE_ID = ?", entity.getID());
            insertRules(entity.getID(), surface);
            return null;
        });
    }

    private static Map<String, Object> describe(Surface surface, Map<String, Object> row) {
        row.put("NAME", surface.name());
        row.put("KIND", surface.kind().name());
        row.put("BUSINESS_OWNER", surface.businessOwner());
        row.put("CRITICALITY", surface.criticality() == null ? null : surface.criticality().name());
        row.put("EXPOSURE", surface.exposure() == null ? null : surface.exposure().name());
        row.put("SUCCESS_CRITERION", surface.successCriterion());
        return row;
    }

    private void insertRules(int surfaceId, Surface surface) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < surface.rules().size(); i++) {
            ScopeRule rule = surface.rules().get(i);
            Map<String, Object> ruleRow = new HashMap<>();
            ruleRow.put("SURFACE_ID", surfaceId);
            ruleRow.put("CYCLE_KEY", surface.cycleKey());
            ruleRow.put("RULE_KIND", rule.kind().name());
            ruleRow.put("PATTERN", rule.pattern());
            ruleRow.put("RULE_ORDER", i);
            rules.add(ruleRow);
        }
        if (!rules.isEmpty()) {
            ao.create(ScopeRuleEntity.class, rules);
        }
    }

    @Override
    public Optional<Surface> find(String cycleKey, String surfaceKey) {
        SurfaceEntity[] rows = ao.find(SurfaceEntity.class,
                Query.select().where("CYCLE_SURFACE = ?", cycleKey + "/" + surfaceKey));
        if (rows.length == 0) {
            return Optional.empty();
        }
        ScopeRuleEntity[] rules = ao.find(ScopeRuleEntity.class,
                Query.select().where("SURFACE_ID = ?", rows[0].getID()).order("RULE_ORDER ASC"));
        return Optional.of(toSurface(rows[0], List.of(rules)));
    }

    /** Two queries whatever the number of surfaces: the surfaces, then all their rules. */
    @Override
    public List<Surface> list(String cycleKey) {
        SurfaceEntity[] rows = ao.find(SurfaceEntity.class,
                Query.select().where("CYCLE_KEY = ?", cycleKey).order("ID ASC"));
        Map<Integer, List<ScopeRuleEntity>> rulesBySurface = new LinkedHashMap<>();
        for (ScopeRuleEntity rule : ao.find(ScopeRuleEntity.class,
                Query.select().where("CYCLE_KEY = ?", cycleKey).order("SURFACE_ID ASC, RULE_ORDER ASC"))) {
            rulesBySurface.computeIfAbsent(rule.getSurfaceId(), k -> new ArrayList<>()).add(rule);
        }
        List<Surface> out = new ArrayList<>(rows.length);
        for (SurfaceEntity row : rows) {
            out.add(toSurface(row, rulesBySurface.getOrDefault(row.getID(), List.of())));
        }
        return out;
    }

    private static Surface toSurface(SurfaceEntity row, List<ScopeRuleEntity> rules) {
        List<ScopeRule> scopeRules = new ArrayList<>(rules.size());
        for (ScopeRuleEntity rule : rules) {
            scopeRules.add(new ScopeRule(ScopeRule.Kind.valueOf(rule.getRuleKind()), rule.getPattern()));
        }
        return new Surface(row.getSurfaceKey(), row.getCycleKey(), row.getName(), SurfaceKind.valueOf(row.getKind()),
                row.getBusinessOwner(), row.getCriticality() == null ? null : Criticality.valueOf(row.getCriticality()),
                row.getExposure() == null ? null : Exposure.valueOf(row.getExposure()), row.getSuccessCriterion(),
                scopeRules);
    }
}

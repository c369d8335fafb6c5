package org.ctemcycles.core.priority;

import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test builder of {@link PriorityInput}: finding facts written the way a security lead states them. */
public final class Facts {

    private final String key;
    private final List<String> cves = new ArrayList<>();
    private final List<CvssVector> vectors = new ArrayList<>();
    private Criticality criticality;
    private Exposure exposure;
    private final List<CompensatingControl> controls = new ArrayList<>();
    private ValidationOutcome validation;
    private Exploitation exploitation;
    private Automatable automatable;
    private TechnicalImpact impact;
    private PublicWellBeingImpact wellBeing;
    private LocalDate firstSeen;

    private Facts(String key) {
        this.key = key;
    }

    public static Facts finding(String key) {
        return new Facts(key);
    }

    public Facts cve(String... ids) {
        cves.addAll(List.of(ids));
        return this;
    }

    public Facts cvss(String vector) {
        vectors.add(CvssVector.parse(vector));
        return this;
    }

    public Facts on(Criticality c, Exposure e) {
        criticality = c;
        exposure = e;
        return this;
    }

    public Facts control(String name, String points, String evidence) {
        controls.add(new CompensatingControl(name, new BigDecimal(points), evidence));
        return this;
    }

    public Facts validated(ValidationOutcome outcome) {
        validation = outcome;
        return this;
    }

    public Facts exploitation(Exploitation e) {
        exploitation = e;
        return this;
    }

    public Facts automatable(Automatable a) {
        automatable = a;
        return this;
    }

    public Facts impact(TechnicalImpact t) {
        impact = t;
        return this;
    }

    public Facts wellBeing(PublicWellBeingImpact w) {
        wellBeing = w;
        return this;
    }

    public Facts firstSeen(String date) {
        firstSeen = LocalDate.parse(date);
        return this;
    }

    public PriorityInput build() {
        return new PriorityInput(key, cves, vectors, criticality, exposure, controls, validation, exploitation,
                automatable, impact, wellBeing, firstSeen);
    }
}

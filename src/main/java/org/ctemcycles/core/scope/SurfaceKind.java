package org.ctemcycles.core.scope;

/** The kinds of surface a CTEM cycle scopes (the CTEM framework's Scoping stage names exactly these five). */
public enum SurfaceKind {
    BUSINESS_PROCESS("Business process"),
    CUSTOMER_FACING_SYSTEM("Customer-facing system"),
    REGULATED_DATA_FLOW("Regulated data flow"),
    THIRD_PARTY_CONNECTION("Third-party connection"),
    IDENTITY_SURFACE("Identity surface");

    private final String label;

    SurfaceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

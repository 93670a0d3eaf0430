package org.srvcc.procedure;

/** The kind of call a UE is in; the model's ueSession values. */
public enum Session {
    NORMAL("normal"),
    EMERGENCY("emergency"),
    EMERGENCY_UNAUTH("emergencyUnauth");

    public final String model;

    Session(String model) {
        this.model = model;
    }
}

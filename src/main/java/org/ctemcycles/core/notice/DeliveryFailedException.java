package org.ctemcycles.core.notice;

/** A notice could not be delivered now: it stays unrecorded and a later run tries it again. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

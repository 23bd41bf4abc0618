package com.invgov.api;

import java.util.List;

/**
 * A module's immutable records that the outbox ({@link EventFeed}) and the idempotency keys ({@link Idempotency})
 * keep by reference instead of copying their JSON: the posting path then writes each record once. A bean per
 * {@link #kind()}; rendering a reference must give exactly the body that was answered or appended.
 */
public interface BodyReferences {

    /** The subject type of its outbox events and the prefix of its idempotency references, e.g. "movement". */
    String kind();

    /** A reference from which {@link #body} rebuilds exactly this response body, or null when it is not its kind. */
    String referenceOf(Object body);

    /** The body a reference made by {@link #referenceOf} stands for. */
    Object body(String reference);

    /** Event payloads of subjects of this kind, by subject id, in the order given (outbox rows without payload). */
    List<?> payloads(List<String> subjectIds);
}

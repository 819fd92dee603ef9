package io.duckforge.access;

import java.util.Collection;
import java.util.List;

/**
 * Who sent a request and what they may do: the subject of a verified JWT or the name of an API key, with its grants.
 * With {@code duckforge.auth.mode=none} every request comes from {@link #UNAUTHENTICATED}, which may do everything.
 */
public record Caller(String name, List<Grant> grants) {

    public static final Caller UNAUTHENTICATED = new Caller("anonymous", List.of(new Grant(Need.ADMIN, Grant.EVERY_DATASET)));

    /** Grants from their texts; texts that are no grant are dropped. */
    static Caller of(String name, Collection<String> grantTexts) {
        return new Caller(name, grantTexts.stream().map(Grant::parse).flatMap(java.util.Optional::stream).toList());
    }

    public boolean may(Need need, String dataset) {
        return grants.stream().anyMatch(grant -> grant.allows(need, dataset));
    }

    /** For a dataset that may not exist yet (a declaration): 403 whenever the grant is missing. */
    public void requireGrant(Need need, String dataset) {
        if (!may(need, dataset)) {
            throw new AccessDeniedException(Grant.text(need, dataset));
        }
    }

    /**
     * @throws DatasetHiddenException when the caller may not even read the dataset (answered as if it did not exist)
     * @throws AccessDeniedException  when the caller may read it but not do {@code need}
     */
    public void require(Need need, String dataset) {
        if (may(need, dataset)) {
            return;
        }
        if (need != Need.ADMIN && !may(Need.READ, dataset)) {
            throw new DatasetHiddenException(dataset);
        }
        throw new AccessDeniedException(Grant.text(need, dataset));
    }
}

package io.duckforge.access;

import java.util.Optional;

/**
 * One permission, as written in a JWT's grants claim or an API key's entry: {@code datasets:read:<name>},
 * {@code datasets:write:<name>} (write includes read), {@code schemas:manage:<name>} (declare, migrate, drop) or
 * {@code admin} (everything, backups included). {@code *} as the name means every dataset.
 */
public record Grant(Need need, String dataset) {

    static final String EVERY_DATASET = "*";

    /** The grant's text, for a 403 naming what is missing. */
    public static String text(Need need, String dataset) {
        return need == Need.ADMIN ? "admin" : need.prefix() + dataset;
    }

    /** Empty for text that is no grant: unknown words grant nothing (fail closed). */
    static Optional<Grant> parse(String text) {
        if (text.equals("admin")) {
            return Optional.of(new Grant(Need.ADMIN, EVERY_DATASET));
        }
        for (Need need : Need.DATASET_NEEDS) {
            if (text.startsWith(need.prefix()) && text.length() > need.prefix().length()) {
                return Optional.of(new Grant(need, text.substring(need.prefix().length())));
            }
        }
        return Optional.empty();
    }

    /** Whether this grant alone allows {@code need} on {@code name}. */
    boolean allows(Need need, String name) {
        if (this.need == Need.ADMIN) {
            return true;
        }
        boolean covers = dataset.equals(EVERY_DATASET) || dataset.equals(name);
        return covers && (this.need == need || (this.need == Need.WRITE && need == Need.READ));
    }
}

package io.duckforge.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method needs. Every resource method carries one ({@code EveryEndpointDeclaresItsAccessTest} fails
 * otherwise), and {@link AccessFilter} refuses a method without one: nothing is open by accident.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    /** What the caller needs on the dataset, or the service. */
    Need value();

    /**
     * Where the dataset's name is: the {@code schema} path parameter, or the body, whose method then checks the
     * caller itself once it has read the name (the filter only requires a known caller).
     */
    Dataset dataset() default Dataset.PATH;

    enum Dataset {
        /** The {@code {schema}} path parameter. */
        PATH,
        /** Named in the body; the method calls {@link Caller#require}. */
        BODY,
        /** Any known caller; what they see is filtered by their grants (the dataset list). */
        LISTED,
        /** The whole service ({@link Need#ADMIN}). */
        NONE
    }
}

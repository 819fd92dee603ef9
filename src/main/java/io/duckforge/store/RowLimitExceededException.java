package io.duckforge.store;

/** A bulk load with more rows than a request may carry; answered 413 and nothing is written. */
public class RowLimitExceededException extends RuntimeException {

    public RowLimitExceededException(long maxRows) {
        super("A bulk request takes at most " + maxRows + " rows; nothing was written");
    }
}

package org.gongji.store;

/**
 * The result of a write.
 *
 * @param replayed true when the idempotency key had been seen with the same request: nothing was
 *                 booked this time, {@code value} is the first result
 */
public record Booked<T>(T value, boolean replayed) {
}

package dev.polygraph.value;

/** A thing that exists only where its guard holds. */
public record Guarded<T>(Guard guard, T value) {
  public static <T> Guarded<T> always(T value) {
    return new Guarded<>(Guard.ALWAYS, value);
  }
}

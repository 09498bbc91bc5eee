package dev.polygraph.link;

import dev.polygraph.value.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting as the scan knows it: decided (one value), one of several values under conditions, or
 * not known (with the reason). A cluster's IP family and whether it runs EKS Auto Mode are read
 * once into a choice, so every rule reads them the same way.
 */
public record Choice<T>(List<Option<T>> options) {

  /** Past this many options a combination is not known. */
  static final int MAX_OPTIONS = 64;

  /**
   * One value under its guard; {@code value} is null and {@code unknown} says why when it is not known.
   */
  public record Option<T>(Guard guard, T value, String unknown) {
    public boolean known() {
      return unknown == null;
    }
  }

  public Choice {
    options = List.copyOf(options);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one option");
    }
  }

  public static <T> Choice<T> of(T value) {
    return new Choice<>(List.of(new Option<>(Guard.ALWAYS, value, null)));
  }

  public static <T> Choice<T> unknown(String reason) {
    return new Choice<>(List.of(new Option<>(Guard.ALWAYS, null, reason)));
  }

  /** The value when every option is known and the same. */
  public Optional<T> decided() {
    T first = options.get(0).value();
    for (Option<T> o : options) {
      if (!o.known() || !Objects.equals(o.value(), first)) {
        return Optional.empty();
      }
    }
    return Optional.of(first);
  }

  /** Whether no option is known. */
  public boolean isUnknown() {
    return options.stream().noneMatch(Option::known);
  }

  /** The guards under which the value is {@code value}; empty when it never is. */
  public List<Guard> when(T value) {
    List<Guard> out = new ArrayList<>();
    for (Option<T> o : options) {
      if (o.known() && o.value().equals(value)) {
        out.add(o.guard());
      }
    }
    return out;
  }

  /** The options that are not known. */
  public List<Option<T>> unknowns() {
    return options.stream().filter(o -> !o.known()).toList();
  }

  /**
   * Whether every choice is true, as one choice: false where one is false, not known where one is
   * not known and none is false, true where all are.
   */
  static Choice<Boolean> all(List<Choice<Boolean>> choices) {
    List<Option<Boolean>> acc = List.of(new Option<>(Guard.ALWAYS, true, null));
    for (Choice<Boolean> c : choices) {
      List<Option<Boolean>> next = new ArrayList<>();
      for (Option<Boolean> a : acc) {
        for (Option<Boolean> b : c.options()) {
          Optional<Guard> g = a.guard().and(b.guard());
          if (g.isEmpty()) {
            continue;
          }
          if (Boolean.FALSE.equals(a.value()) || Boolean.FALSE.equals(b.value())) {
            next.add(new Option<>(g.get(), false, null));
          } else if (!a.known() || !b.known()) {
            next.add(new Option<>(g.get(), null, a.known() ? b.unknown() : a.unknown()));
          } else {
            next.add(new Option<>(g.get(), true, null));
          }
        }
      }
      if (next.isEmpty()) {
        continue; // the choice's conditions contradict the others': it changes nothing
      }
      if (next.size() > MAX_OPTIONS) {
        return unknown("more than " + MAX_OPTIONS + " combinations of conditions");
      }
      acc = next;
    }
    Choice<Boolean> out = new Choice<>(acc);
    return out.decided().map(Choice::of).orElse(out);
  }
}

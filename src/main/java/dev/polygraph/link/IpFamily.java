package dev.polygraph.link;

import java.util.Locale;
import java.util.Optional;

/** The IP family of an EKS cluster's pods and services. */
public enum IpFamily {
  IPV4,
  IPV6;

  /** "ipv4"/"ipv6" in any case. */
  public static Optional<IpFamily> parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "ipv4" -> Optional.of(IPV4);
      case "ipv6" -> Optional.of(IPV6);
      default -> Optional.empty();
    };
  }

  /** As EKS writes it: "ipv4", "ipv6". */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

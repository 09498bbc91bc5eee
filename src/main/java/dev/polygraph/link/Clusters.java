package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a cluster's settings once, as choices: its IP family and whether it runs EKS Auto Mode. */
final class Clusters {

  private Clusters() {}

  /** The IP family as written; unset is IPv4, EKS's default. */
  static Choice<IpFamily> ipFamily(ClusterNode cluster) {
    if (cluster.ipFamily() == null) {
      return Choice.of(IpFamily.IPV4);
    }
    List<Choice.Option<IpFamily>> out = new ArrayList<>();
    for (Guarded<Value> v : Values.variants(cluster.ipFamily())) {
      if (v.value() instanceof Absent) {
        out.add(new Choice.Option<>(v.guard(), IpFamily.IPV4, null));
        continue;
      }
      Optional<IpFamily> family = Values.literal(v.value()).flatMap(IpFamily::parse);
      out.add(
          family.isPresent()
              ? new Choice.Option<>(v.guard(), family.get(), null)
              : new Choice.Option<>(v.guard(), null, unknown(v.value(), "'ipv4' or 'ipv6'")));
    }
    return collapse(out);
  }

  /**
   * Whether EKS Auto Mode is on ({@code ComputeConfig.Enabled}). When the flag is not written, a
   * compute config that names a node role is Auto Mode's (EKS takes a node role only for Auto
   * Mode), and one that names none is off.
   */
  static Choice<Boolean> autoMode(ClusterNode cluster) {
    List<Choice.Option<Boolean>> out = new ArrayList<>();
    if (cluster.autoMode() == null) {
      if (cluster.autoModeNodeRole() == null) {
        return Choice.of(false);
      }
      for (Guarded<Value> v : Values.variants(cluster.autoModeNodeRole())) {
        out.add(new Choice.Option<>(v.guard(), !(v.value() instanceof Absent), null));
      }
      return collapse(out);
    }
    for (Guarded<Value> v : Values.variants(cluster.autoMode())) {
      if (v.value() instanceof Absent) {
        out.add(new Choice.Option<>(v.guard(), false, null));
        continue;
      }
      Optional<String> flag = Values.literal(v.value()).map(s -> s.toLowerCase(Locale.ROOT));
      if (flag.filter(f -> f.equals("true") || f.equals("false")).isPresent()) {
        out.add(new Choice.Option<>(v.guard(), flag.get().equals("true"), null));
      } else {
        out.add(new Choice.Option<>(v.guard(), null, unknown(v.value(), "'true' or 'false'")));
      }
    }
    return collapse(out);
  }

  /** Why a setting's value is not known: the value's own reason, or what it is instead of {@code expected}. */
  private static String unknown(Value v, String expected) {
    if (v instanceof Unknown u) {
      return u.reason();
    }
    if (v instanceof Text t) {
      return t.literal().isPresent()
          ? "'" + t.display() + "' is not " + expected
          : "'" + t.display() + "' is not known";
    }
    return "it is not " + expected;
  }

  private static <T> Choice<T> collapse(List<Choice.Option<T>> options) {
    if (options.isEmpty()) {
      return Choice.unknown("no alternative holds");
    }
    Choice<T> c = new Choice<>(options);
    return c.decided().map(Choice::of).orElse(c);
  }
}

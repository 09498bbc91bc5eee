package dev.polygraph.load.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code aws SERVICE OPERATION --option value …} command line, as the AWS CLI reads it: global
 * options may come before the service; an option's values are the words up to the next option
 * ({@code --subnets a b c}); {@code --option=value} is one word.
 *
 * @param start the offset of the {@code aws} word
 * @param end the offset just past the operation word
 */
record CliCall(String service, String operation, Map<String, List<Word>> options, int start, int end) {

  /** Global options that take no value; every other global option takes one. */
  private static final Set<String> GLOBAL_FLAGS =
      Set.of(
          "--debug", "--no-paginate", "--no-verify-ssl", "--no-sign-request", "--no-cli-pager",
          "--cli-auto-prompt", "--no-cli-auto-prompt", "--version");

  CliCall {
    options = Map.copyOf(options);
  }

  /** The call in a command's words ({@code aws} first), or empty when it names no operation. */
  static Optional<CliCall> of(List<Word> words) {
    int i = 1;
    List<String> positional = new ArrayList<>();
    int end = words.get(0).end();
    while (i < words.size() && positional.size() < 2) {
      Word w = words.get(i);
      String lead = w.leadingText();
      if (lead.startsWith("--")) {
        boolean takesValue = !lead.contains("=") && !GLOBAL_FLAGS.contains(lead);
        i += takesValue ? 2 : 1;
        continue;
      }
      Optional<String> literal = w.literal();
      if (literal.isEmpty()) {
        return Optional.empty(); // "aws $SERVICE …": nothing to read
      }
      positional.add(literal.get());
      end = w.end();
      i++;
    }
    if (positional.size() < 2) {
      return Optional.empty();
    }
    Map<String, List<Word>> options = new LinkedHashMap<>();
    String current = null;
    for (; i < words.size(); i++) {
      Word w = words.get(i);
      String lead = w.leadingText();
      if (lead.startsWith("--") && lead.length() > 2) {
        int eq = lead.indexOf('=');
        current = eq < 0 ? lead.substring(2) : lead.substring(2, eq);
        List<Word> values = new ArrayList<>();
        if (eq >= 0) {
          values.add(w.afterFirst('='));
        }
        options.put(current, values);
      } else if (current != null) {
        options.get(current).add(w);
      }
    }
    Map<String, List<Word>> frozen = new LinkedHashMap<>();
    options.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Optional.of(
        new CliCall(positional.get(0), positional.get(1), frozen, words.get(0).start(), end));
  }

  /** The first value of an option, if it is given one. */
  Optional<Word> value(String option) {
    List<Word> values = options.get(option);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  boolean is(String service, String operation) {
    return this.service.equals(service) && this.operation.equals(operation);
  }
}

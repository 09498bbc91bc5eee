package dev.polygraph.policy;

import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AWS managed policies polygraph knows, from {@code rules/aws-managed-policies/}. */
public final class ManagedPolicies {

  static final String FOLDER = "rules/aws-managed-policies/";

  /** {@code arn:<partition>:iam::aws:policy/[path/]Name}; names and path parts as IAM allows them. */
  private static final Pattern AWS_MANAGED_ARN =
      Pattern.compile("arn:([a-z0-9-]+):iam::aws:policy/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");

  private final Map<String, PolicyDocument> byName;

  private ManagedPolicies(Map<String, PolicyDocument> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /**
   * Loads the documents shipped under {@code rules/aws-managed-policies/} on the class path.
   *
   * @throws IllegalStateException when the shipped data is missing or broken (a packaging fault)
   */
  public static ManagedPolicies load() {
    Map<String, PolicyDocument> docs = new TreeMap<>();
    for (String file : lines(FOLDER + "index.txt")) {
      String name = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
      try (Reader reader = open(FOLDER + file)) {
        Value value = JsonValues.read(reader, FOLDER + file);
        docs.put(name, PolicyParser.parse(name, value));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the shipped policy '" + FOLDER + file + "': " + e.getMessage(), e);
      }
    }
    return new ManagedPolicies(docs);
  }

  /** The document of an AWS managed policy by name ("AmazonEKSWorkerNodePolicy"). */
  public Optional<PolicyDocument> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names of every policy known, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /**
   * The policy name when {@code arn} is an AWS managed policy's ARN in any partition: {@code
   * arn:aws:iam::aws:policy/X}, {@code arn:aws-us-gov:…}, {@code arn:${AWS::Partition}:…}, with or
   * without a path ({@code service-role/}).
   */
  public static Optional<String> awsManagedName(Value arn) {
    if (!(arn instanceof Text text)) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal l) {
        sb.append(l.text());
      } else if (part instanceof Text.Sym s
          && s.symbol() instanceof Symbol.Pseudo p
          && p.kind() == Symbol.PseudoKind.PARTITION) {
        // Any partition is fine: the name is the same in all of them.
        sb.append(Partition.AWS.arnName());
      } else {
        return Optional.empty();
      }
    }
    Matcher m = AWS_MANAGED_ARN.matcher(sb);
    if (!m.matches() || Partition.byArnName(m.group(1)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2));
  }

  private static Iterable<String> lines(String resource) {
    try (BufferedReader reader = open(resource)) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text resource shipped in the jar (or the class path's {@code rules/} folder). */
  static BufferedReader open(String resource) {
    InputStream in = ManagedPolicies.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the shipped data '" + resource + "' is missing from the class path");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}

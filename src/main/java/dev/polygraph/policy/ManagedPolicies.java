package dev.polygraph.policy;

import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
      Pattern.compile("arn:([a-z0-9-]+|\\{partition\\}):iam::aws:policy/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");

  /** Stands for the partition symbol while an ARN is matched; braces are in no ARN. */
  private static final String PARTITION_MARK = "{partition}";

  /** How the shipped documents (AWS's commercial copies) write ARNs. */
  private static final String COMMERCIAL_ARN = "arn:aws:";

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
        Value value = partitionNeutral(JsonValues.read(reader, FOLDER + file));
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
   * without a path ({@code service-role/}). A partition that is not known ({@code arn:${var.p}:…},
   * {@code format("arn:%s:iam::aws:policy/X", var.p)}) is some partition: the name is the same in all
   * of them.
   */
  public static Optional<String> awsManagedName(Value arn) {
    if (!(arn instanceof Text text)) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    boolean symbolic = false;
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal l) {
        sb.append(l.text());
      } else if (part instanceof Text.Sym) {
        // Only the partition may be left open; a symbol elsewhere fails the pattern below.
        sb.append(PARTITION_MARK);
        symbolic = true;
      }
    }
    Matcher m = AWS_MANAGED_ARN.matcher(sb);
    if (!m.matches()) {
      return Optional.empty();
    }
    String partition = m.group(1);
    boolean partitionOk =
        symbolic ? partition.equals(PARTITION_MARK) : Partition.byArnName(partition).isPresent();
    return partitionOk ? Optional.of(m.group(2)) : Optional.empty();
  }

  /**
   * The document with each {@code arn:aws:} turned into {@code arn:${AWS::Partition}:}. The shipped
   * files are the commercial partition's copies; every partition has its own copy with its own ARNs,
   * so the documents stand for "this partition's copy" and render as the evaluator's partition.
   */
  static Value partitionNeutral(Value value) {
    if (value instanceof MapValue map) {
      List<MapValue.Entry> entries = new ArrayList<>();
      for (MapValue.Entry e : map.entries()) {
        entries.add(new MapValue.Entry(e.key(), e.keySpan(), partitionNeutral(e.value())));
      }
      return new MapValue(entries, map.span());
    }
    if (value instanceof ListValue list) {
      return new ListValue(list.items().stream().map(ManagedPolicies::partitionNeutral).toList(), list.span());
    }
    if (value instanceof Text text) {
      Optional<String> literal = text.literal();
      if (literal.isPresent() && literal.get().startsWith(COMMERCIAL_ARN)) {
        return new Text(
            List.of(
                new Text.Literal("arn:"),
                new Text.Sym(new Symbol.Pseudo(Symbol.PseudoKind.PARTITION)),
                new Text.Literal(literal.get().substring(COMMERCIAL_ARN.length() - 1))),
            text.span());
      }
    }
    return value;
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

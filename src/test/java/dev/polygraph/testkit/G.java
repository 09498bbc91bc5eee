package dev.polygraph.testkit;

import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds evaluated values and graph nodes by hand, the way the loaders would, with spans a test can
 * predict: a map's entry i sits on the map's line + i, at the map's column.
 */
public final class G {

  private G() {}

  public static Span span(String file, int line, int column, int length) {
    return new Span(file, line, column, line, column + length);
  }

  public static Span at(String file, int line) {
    return span(file, line, 3, 10);
  }

  public static Text text(String s, Span span) {
    return Text.of(s, span);
  }

  /** A text from literal strings and symbols, in order. */
  public static Text sub(Span span, Object... parts) {
    List<Text.Part> out = new ArrayList<>();
    for (Object p : parts) {
      out.add(p instanceof Symbol s ? new Text.Sym(s) : new Text.Literal((String) p));
    }
    return new Text(out, span);
  }

  public static Symbol partition() {
    return new Symbol.Pseudo(Symbol.PseudoKind.PARTITION);
  }

  public static Symbol account() {
    return new Symbol.Pseudo(Symbol.PseudoKind.ACCOUNT_ID);
  }

  /** {@code !GetAtt Address.Attribute} (or {@code !Ref Address} with attribute "Ref"). */
  public static Text attr(String file, String address, String attribute, Span span) {
    return Text.of(new Symbol.ResourceAttr(file, address, attribute), span);
  }

  /** arn:${AWS::Partition}:iam::aws:policy/NAME */
  public static Text awsPolicyArn(String name, Span span) {
    return sub(span, "arn:", partition(), ":iam::aws:policy/" + name);
  }

  /** A map from alternating keys and values; a String value becomes a text on the key's line. */
  public static MapValue map(Span start, Object... kv) {
    List<MapValue.Entry> entries = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      String key = (String) kv[i];
      int line = start.startLine() + i / 2;
      Span keySpan = span(start.file(), line, start.startColumn(), key.length());
      Span valueSpan = span(start.file(), line, start.startColumn() + key.length() + 2, 5);
      entries.add(new MapValue.Entry(key, keySpan, value(kv[i + 1], valueSpan)));
    }
    return new MapValue(entries, start);
  }

  public static ListValue list(Span span, Object... items) {
    List<Value> out = new ArrayList<>();
    for (Object item : items) {
      out.add(value(item, span));
    }
    return new ListValue(out, span);
  }

  public static OneOf ifThen(String condition, Value whenTrue, Value whenFalse) {
    return new OneOf(
        List.of(
            new Guarded<>(Guard.of(condition, true), whenTrue),
            new Guarded<>(Guard.of(condition, false), whenFalse)),
        whenTrue.span());
  }

  public static Absent noValue(Span span) {
    return new Absent(span);
  }

  private static Value value(Object o, Span span) {
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof String s) {
      return Text.of(s, span);
    }
    if (o instanceof List<?> l) {
      return list(span, l.toArray());
    }
    throw new IllegalArgumentException("not a value: " + o);
  }

  /** A policy document whose statements are maps built with {@link #map}. */
  public static PolicyDocument policy(String name, Span span, Value... statements) {
    return PolicyParser.parse(
        name, map(span, "Version", "2012-10-17", "Statement", list(span, (Object[]) statements)));
  }

  /** An Allow statement starting on {@code span}'s line: Effect, Action, Resource on the next lines. */
  public static MapValue allow(Span span, Object actions, Object resources) {
    return map(span, "Effect", "Allow", "Action", actions, "Resource", resources);
  }

  public static MapValue deny(Span span, Object actions, Object resources) {
    return map(span, "Effect", "Deny", "Action", actions, "Resource", resources);
  }

  /** A trust statement: Effect, Principal (a map of type to ids), Action. */
  public static MapValue trustStatement(Span span, String effect, Value principal, Object actions) {
    return map(span, "Effect", effect, "Principal", principal, "Action", actions);
  }

  /** The EKS user guide's node-role trust policy: ec2.amazonaws.com may sts:AssumeRole. */
  public static PolicyDocument trustEc2(Span span) {
    Span stmt = G.span(span.file(), span.startLine() + 2, span.startColumn() + 4, 6);
    return policy(
        "trust policy",
        span,
        trustStatement(stmt, "Allow", map(next(stmt, 1), "Service", "ec2.amazonaws.com"), "sts:AssumeRole"));
  }

  /** The span {@code lines} below, same column. */
  public static Span next(Span span, int lines) {
    return span(span.file(), span.startLine() + lines, span.startColumn(), span.endColumn() - span.startColumn());
  }

  public static RoleBuilder role(String file, String address, int line) {
    return new RoleBuilder(file, address, line);
  }

  /** A role, built up step by step. */
  public static final class RoleBuilder {
    private final String file;
    private final String address;
    private final int line;
    private Guard guard = Guard.ALWAYS;
    private Value name;
    private PolicyDocument trust;
    private final List<Guarded<PolicyDocument>> inline = new ArrayList<>();
    private final List<Guarded<Value>> managed = new ArrayList<>();
    private Span managedSpan;
    private Guarded<Value> boundary;

    RoleBuilder(String file, String address, int line) {
      this.file = file;
      this.address = address;
      this.line = line;
    }

    public RoleBuilder name(String roleName) {
      this.name = Text.of(roleName, span(file, line + 2, 7, roleName.length()));
      return this;
    }

    public RoleBuilder guard(Guard g) {
      this.guard = g;
      return this;
    }

    public RoleBuilder trust(PolicyDocument doc) {
      this.trust = doc;
      return this;
    }

    public RoleBuilder inline(PolicyDocument doc) {
      inline.add(Guarded.always(doc));
      return this;
    }

    /** The ManagedPolicyArns key on {@code keyLine}; items follow on the next lines. */
    public RoleBuilder managedKey(int keyLine) {
      this.managedSpan = span(file, keyLine, 7, "ManagedPolicyArns".length());
      return this;
    }

    public RoleBuilder managed(Value arn) {
      managed.add(Guarded.always(arn));
      return this;
    }

    public RoleBuilder managed(Guard g, Value arn) {
      managed.add(new Guarded<>(g, arn));
      return this;
    }

    /** arn:${AWS::Partition}:iam::aws:policy/NAME on the given line. */
    public RoleBuilder aws(String policyName, int itemLine) {
      return managed(awsPolicyArn(policyName, span(file, itemLine, 11, 40)));
    }

    public RoleBuilder boundary(Value arn) {
      this.boundary = Guarded.always(arn);
      return this;
    }

    public RoleNode build() {
      return new RoleNode(
          new NodeId(file, address),
          G.span(file, line, 3, address.length()),
          guard,
          name,
          trust,
          inline,
          managed,
          managedSpan,
          boundary);
    }
  }
}

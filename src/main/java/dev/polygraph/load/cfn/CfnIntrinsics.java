package dev.polygraph.load.cfn;

import dev.polygraph.load.cfn.CfnConditions.Truth;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates the expressions of one CloudFormation template into values: scalars are texts, and
 * intrinsic functions ({@code Ref}, {@code Fn::Sub}, {@code Fn::If}, ...) are computed as far as
 * the template, the parameter overrides and the pinned pseudo parameters allow. What cannot be
 * known becomes an {@link Unknown} with the reason, or a symbol inside a text; a condition that
 * cannot be decided gives a {@link OneOf} of both branches. Never throws on bad input.
 *
 * <p>Holds per-template state (decided conditions, evaluation bounds), so one instance serves one
 * template in one thread.
 */
public final class CfnIntrinsics {

  private final CfnTemplate template;
  private final CfnOptions options;
  private final Imports imports;
  private final PseudoParameters pseudo;
  private final EvaluationBudget budget = new EvaluationBudget();
  private final CfnConditions conditions;
  private final MapNode parameters;
  private final MapNode resources;
  private final MapNode mappings;

  public CfnIntrinsics(CfnTemplate template, CfnOptions options) {
    this(template, options, Imports.NONE);
  }

  CfnIntrinsics(CfnTemplate template, CfnOptions options, Imports imports) {
    this.template = template;
    this.options = options;
    this.imports = imports;
    this.pseudo = new PseudoParameters(options);
    this.parameters = section(template.root(), "Parameters");
    this.resources = section(template.root(), "Resources");
    this.mappings = section(template.root(), "Mappings");
    this.conditions =
        new CfnConditions(section(template.root(), "Conditions"), this::evaluate, budget);
  }

  public CfnTemplate template() {
    return template;
  }

  /** The value of a node of the template. */
  public Value evaluate(Node node) {
    String exceeded = budget.enter();
    if (exceeded != null) {
      return new Unknown(exceeded, node.span());
    }
    try {
      return node(node);
    } finally {
      budget.exit();
    }
  }

  /**
   * The named condition's value when the template, the overrides and the pinned pseudo parameters
   * decide it; empty when it depends on something unknown, or is invalid.
   */
  public Optional<Boolean> decide(String condition) {
    return Optional.ofNullable(conditions.truth(condition).value());
  }

  Truth truth(String condition) {
    return conditions.truth(condition);
  }

  /**
   * The SSM parameter name behind {@code node} when it is a {@code Ref} to a parameter of an {@code
   * AWS::SSM::Parameter::Value<...>} type (the override or the default).
   */
  Optional<String> ssmParameterName(Node node) {
    if (!(node instanceof MapNode map) || map.entries().size() != 1) {
      return Optional.empty();
    }
    MapNode.Entry e = map.entries().get(0);
    if (!"Ref".equals(e.key().text()) || !(e.value() instanceof ScalarNode name) || name.isNull()) {
      return Optional.empty();
    }
    Optional<MapNode> declaration = parameterDeclaration(name.text());
    if (declaration.isEmpty() || !isSsmType(parameterType(declaration.get()))) {
      return Optional.empty();
    }
    return Optional.ofNullable(parameterText(name.text(), declaration.get()));
  }

  private Value node(Node node) {
    if (node instanceof ScalarNode s) {
      return s.isNull() ? new Absent(s.span()) : Text.of(s.text(), s.span());
    }
    if (node instanceof SeqNode seq) {
      List<Value> items = new ArrayList<>();
      for (Node item : seq.items()) {
        items.add(evaluate(item));
      }
      return new ListValue(items, seq.span());
    }
    MapNode map = (MapNode) node;
    if (map.entries().size() == 1) {
      String key = map.entries().get(0).key().text();
      if (key != null && (key.equals("Ref") || key.startsWith("Fn::"))) {
        return intrinsic(key, map.entries().get(0).value(), map.span());
      }
    }
    List<MapValue.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) {
      String key = e.key().text() == null ? "null" : e.key().text();
      entries.add(new MapValue.Entry(key, e.key().span(), evaluate(e.value())));
    }
    return new MapValue(entries, map.span());
  }

  private Value intrinsic(String fn, Node arg, Span span) {
    switch (fn) {
      case "Ref":
        return ref(arg, span);
      case "Fn::GetAtt":
        return getAtt(arg, span);
      case "Fn::Sub":
        return sub(arg, span);
      case "Fn::Join":
        return join(arg, span);
      case "Fn::Select":
        return select(arg, span);
      case "Fn::Split":
        return split(arg, span);
      case "Fn::FindInMap":
        return findInMap(arg, span);
      case "Fn::If":
        return ifThenElse(arg, span);
      case "Fn::Base64":
        // The builder only searches user data for evidence, so the text itself is what matters.
        return evaluate(arg);
      case "Fn::ImportValue":
        return importValue(arg, span);
      case "Fn::Length":
        return length(arg, span);
      case "Fn::ToJsonString":
        return toJsonString(arg, span);
      case "Fn::GetAZs":
        return new Unknown(
            "Fn::GetAZs lists the region's availability zones only when the stack is deployed",
            span);
      case "Fn::Cidr":
        return new Unknown("Fn::Cidr address blocks are not computed", span);
      case "Fn::Transform":
        return new Unknown(
            "Fn::Transform runs " + macroName(arg) + " when the stack is deployed", span);
      case "Fn::Equals":
      case "Fn::And":
      case "Fn::Or":
      case "Fn::Not":
        return new Unknown(fn + " can be used only in the Conditions section", span);
      default:
        return new Unknown("'" + fn + "' is not a CloudFormation intrinsic function", span);
    }
  }

  // --- Ref, pseudo parameters, parameters --------------------------------------------------------

  private Value ref(Node arg, Span span) {
    if (!(arg instanceof ScalarNode s) || s.isNull()) {
      return new Unknown("Ref needs the name of a parameter or resource", span);
    }
    return refByName(s.text(), span);
  }

  private Value refByName(String name, Span span) {
    if (PseudoParameters.isPseudo(name)) {
      return pseudo.value(name, span);
    }
    Optional<MapNode> declaration = parameterDeclaration(name);
    if (declaration.isPresent()) {
      return parameter(name, declaration.get(), span);
    }
    if (parameters != null && parameters.get(name).isPresent()) {
      return new Unknown("parameter '" + name + "' is not declared as a map", span);
    }
    if (isResource(name)) {
      return Text.of(new Symbol.ResourceAttr(template.file().name(), name, "Ref"), span);
    }
    return new Unknown("'" + name + "' is not a parameter or resource of this template", span);
  }

  private Value parameter(String name, MapNode declaration, Span span) {
    String type = parameterType(declaration);
    String text = parameterText(name, declaration);
    if (text == null) {
      return new Unknown("parameter '" + name + "' has no default", span);
    }
    if (isSsmType(type)) {
      return new Unknown(
          "parameter '" + name + "' is the value of SSM parameter '" + text + "'", span);
    }
    if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
      List<Value> items = new ArrayList<>();
      // CloudFormation trims each member; an empty string is an empty list.
      if (!text.isEmpty()) {
        for (String item : text.split(",", -1)) {
          items.add(Text.of(item.trim(), span));
        }
      }
      return new ListValue(items, span);
    }
    return Text.of(text, span);
  }

  private Optional<MapNode> parameterDeclaration(String name) {
    return parameters == null
        ? Optional.empty()
        : parameters.get(name).filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }

  private static String parameterType(MapNode declaration) {
    return declaration
        .get("Type")
        .filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).text())
        .orElse("String");
  }

  /** The override, else the default when it is a scalar; null when neither exists. */
  private String parameterText(String name, MapNode declaration) {
    String override = options.parameters().get(name);
    if (override != null) {
      return override;
    }
    return declaration
        .get("Default")
        .filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).text())
        .orElse(null);
  }

  private static boolean isSsmType(String type) {
    return type != null && type.startsWith("AWS::SSM::Parameter::Value<");
  }

  private boolean isResource(String name) {
    return resources != null && resources.get(name).isPresent();
  }

  // --- Fn::GetAtt
  // ---------------------------------------------------------------------------------

  private Value getAtt(Node arg, Span span) {
    String resource;
    String attribute;
    if (arg instanceof ScalarNode s && !s.isNull()) {
      int dot = s.text().indexOf('.');
      if (dot <= 0 || dot == s.text().length() - 1) {
        return new Unknown("Fn::GetAtt needs 'Resource.Attribute', found '" + s.text() + "'", span);
      }
      resource = s.text().substring(0, dot);
      attribute = s.text().substring(dot + 1);
    } else if (arg instanceof SeqNode seq
        && seq.items().size() == 2
        && seq.items().get(0) instanceof ScalarNode r
        && !r.isNull()) {
      resource = r.text();
      // The attribute name may itself be computed (a Ref to a parameter).
      Optional<String> name = Values.literal(evaluate(seq.items().get(1)));
      if (name.isEmpty()) {
        return new Unknown(
            "the attribute name of Fn::GetAtt on '" + resource + "' is not known", span);
      }
      attribute = name.get();
    } else {
      return new Unknown("Fn::GetAtt needs 'Resource.Attribute' or [Resource, Attribute]", span);
    }
    return getAtt(resource, attribute, span);
  }

  private Value getAtt(String resource, String attribute, Span span) {
    if (!isResource(resource)) {
      return new Unknown("'" + resource + "' is not a resource of this template", span);
    }
    return Text.of(new Symbol.ResourceAttr(template.file().name(), resource, attribute), span);
  }

  // --- Fn::Sub
  // ------------------------------------------------------------------------------------

  private Value sub(Node arg, Span span) {
    Node string = arg;
    MapNode variables = null;
    if (arg instanceof SeqNode seq) {
      if (seq.items().size() != 2 || !(seq.items().get(1) instanceof MapNode vars)) {
        return new Unknown(
            "Fn::Sub needs a string, or a list of a string and a map of variables", span);
      }
      string = seq.items().get(0);
      variables = vars;
    }
    if (!(string instanceof ScalarNode s) || s.isNull()) {
      return new Unknown("Fn::Sub needs a literal string to substitute into", span);
    }
    List<Guarded<List<Text.Part>>> texts = List.of(Guarded.always(List.of()));
    for (SubTemplate.Piece piece : SubTemplate.parse(s.text())) {
      List<Guarded<List<Text.Part>>> next = new ArrayList<>();
      if (piece instanceof SubTemplate.Literal l) {
        for (Guarded<List<Text.Part>> t : texts) {
          next.add(
              new Guarded<>(t.guard(), append(t.value(), List.of(new Text.Literal(l.text())))));
        }
      } else {
        String name = ((SubTemplate.Variable) piece).name();
        List<Guarded<Value>> alternatives = Values.variants(variable(name, variables, span));
        for (Guarded<List<Text.Part>> t : texts) {
          for (Guarded<Value> alt : alternatives) {
            Optional<Guard> guard = t.guard().and(alt.guard());
            if (guard.isPresent()) {
              next.add(new Guarded<>(guard.get(), append(t.value(), parts(name, alt.value()))));
            }
          }
        }
      }
      if (next.size() > Values.MAX_VARIANTS) {
        return new Unknown(
            "Fn::Sub gives more than " + Values.MAX_VARIANTS + " combinations of conditions", span);
      }
      texts = next;
    }
    List<Guarded<Value>> out = new ArrayList<>();
    for (Guarded<List<Text.Part>> t : texts) {
      out.add(new Guarded<>(t.guard(), new Text(t.value(), span)));
    }
    return alternatives(out, span);
  }

  /**
   * A variable's value: the Sub's own variables first, then parameters, resources and attributes.
   */
  private Value variable(String name, MapNode variables, Span span) {
    if (variables != null) {
      Optional<Node> own = variables.get(name);
      if (own.isPresent()) {
        return evaluate(own.get());
      }
    }
    int dot = name.indexOf('.');
    if (!PseudoParameters.isPseudo(name) && dot > 0) {
      return getAtt(name.substring(0, dot), name.substring(dot + 1), span);
    }
    return refByName(name, span);
  }

  /**
   * What a substituted value adds to the text; what is not a known string stays a named unknown.
   */
  private static List<Text.Part> parts(String name, Value value) {
    if (value instanceof Text t) {
      return t.parts();
    }
    String reason;
    if (value instanceof Unknown u) {
      reason = u.reason();
    } else if (value instanceof Absent) {
      reason = "'" + name + "' has no value (AWS::NoValue)";
    } else if (value instanceof ListValue) {
      reason = "'" + name + "' is a list, not a string";
    } else {
      reason = "'" + name + "' is a map, not a string";
    }
    return List.of(new Text.Sym(new Symbol.Opaque(name, reason)));
  }

  private static List<Text.Part> append(List<Text.Part> a, List<Text.Part> b) {
    List<Text.Part> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  // --- Fn::Join, Fn::Select, Fn::Split, Fn::Length
  // ------------------------------------------------

  private Value join(Node arg, Span span) {
    if (!(arg instanceof SeqNode seq) || seq.items().size() != 2) {
      return new Unknown("Fn::Join needs a list of a delimiter and a list of values", span);
    }
    Optional<String> delimiter = Values.literal(evaluate(seq.items().get(0)));
    if (delimiter.isEmpty()) {
      return new Unknown("the delimiter of Fn::Join is not a literal string", span);
    }
    Node listNode = seq.items().get(1);
    return overVariants(
        evaluate(listNode), list -> joinList(delimiter.get(), list, listNode, span), span);
  }

  private static Value joinList(String delimiter, Value list, Node listNode, Span span) {
    if (list instanceof Unknown u) {
      return new Unknown(u.reason(), span);
    }
    if (!(list instanceof ListValue values)) {
      return new Unknown("Fn::Join needs a list of values to join", span);
    }
    List<Text.Part> parts = new ArrayList<>();
    for (int i = 0; i < values.items().size(); i++) {
      if (i > 0) {
        parts.add(new Text.Literal(delimiter));
      }
      Value item = values.items().get(i);
      if (item instanceof Text t) {
        parts.addAll(t.parts());
      } else if (item instanceof Unknown u) {
        parts.add(new Text.Sym(new Symbol.Opaque(itemName(listNode, i), u.reason())));
      } else {
        return new Unknown(
            "Fn::Join can join only strings; item " + (i + 1) + " is not a string", span);
      }
    }
    return new Text(parts, span);
  }

  /** What an unknown item of a literal list is called: the name it refers to, or its position. */
  private static String itemName(Node listNode, int index) {
    if (listNode instanceof SeqNode seq && index < seq.items().size()) {
      Node item = seq.items().get(index);
      if (item instanceof MapNode m
          && m.entries().size() == 1
          && m.entries().get(0).value() instanceof ScalarNode s) {
        String fn = m.entries().get(0).key().text();
        if (("Ref".equals(fn) || "Fn::GetAtt".equals(fn)) && !s.isNull()) {
          return s.text();
        }
      }
    }
    return "Fn::Join item " + (index + 1);
  }

  private Value select(Node arg, Span span) {
    if (!(arg instanceof SeqNode seq) || seq.items().size() != 2) {
      return new Unknown("Fn::Select needs a list of an index and a list", span);
    }
    Value index = evaluate(seq.items().get(0));
    Value list = evaluate(seq.items().get(1));
    return overVariants(index, i -> overVariants(list, l -> selectOne(i, l, span), span), span);
  }

  private static Value selectOne(Value index, Value list, Span span) {
    Optional<String> digits = Values.literal(index);
    if (digits.isEmpty() || !digits.get().matches("[0-9]{1,9}")) {
      return new Unknown("the index of Fn::Select is not a known number", span);
    }
    int i = Integer.parseInt(digits.get());
    if (list instanceof Unknown u) {
      return new Unknown(u.reason(), span);
    }
    if (!(list instanceof ListValue values)) {
      return new Unknown("Fn::Select needs a list to select from", span);
    }
    if (i >= values.items().size()) {
      return new Unknown(
          "Fn::Select index "
              + i
              + " is out of range for a list of "
              + values.items().size()
              + " items",
          span);
    }
    return values.items().get(i);
  }

  private Value split(Node arg, Span span) {
    if (!(arg instanceof SeqNode seq) || seq.items().size() != 2) {
      return new Unknown("Fn::Split needs a list of a delimiter and a string", span);
    }
    Optional<String> delimiter = Values.literal(evaluate(seq.items().get(0)));
    if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
      return new Unknown("the delimiter of Fn::Split is not a literal, non-empty string", span);
    }
    return overVariants(
        evaluate(seq.items().get(1)), source -> splitText(delimiter.get(), source, span), span);
  }

  /** Splits the literal parts; a symbol stays whole inside its piece (its value is not known). */
  private static Value splitText(String delimiter, Value source, Span span) {
    if (source instanceof Unknown u) {
      return new Unknown(u.reason(), span);
    }
    if (!(source instanceof Text text)) {
      return new Unknown("Fn::Split needs a string to split", span);
    }
    List<Value> pieces = new ArrayList<>();
    List<Text.Part> current = new ArrayList<>();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal l) {
        String[] chunks = l.text().split(java.util.regex.Pattern.quote(delimiter), -1);
        for (int i = 0; i < chunks.length; i++) {
          if (i > 0) {
            pieces.add(new Text(current, span));
            current = new ArrayList<>();
          }
          current.add(new Text.Literal(chunks[i]));
        }
      } else {
        current.add(part);
      }
    }
    pieces.add(new Text(current, span));
    return new ListValue(pieces, span);
  }

  private Value length(Node arg, Span span) {
    return overVariants(
        evaluate(arg),
        v -> {
          if (v instanceof ListValue list) {
            return Text.of(Integer.toString(list.items().size()), span);
          }
          if (v instanceof Unknown u) {
            return new Unknown(u.reason(), span);
          }
          return new Unknown("Fn::Length needs a list", span);
        },
        span);
  }

  private Value toJsonString(Node arg, Span span) {
    return overVariants(
        evaluate(arg),
        v -> {
          if (!(v instanceof ListValue) && !(v instanceof MapValue)) {
            return new Unknown("Fn::ToJsonString needs a map or a list", span);
          }
          List<Text.Part> parts = new ArrayList<>();
          String problem = JsonText.write(v, parts);
          return problem == null ? new Text(parts, span) : new Unknown(problem, span);
        },
        span);
  }

  // --- Fn::FindInMap
  // ------------------------------------------------------------------------------

  private Value findInMap(Node arg, Span span) {
    if (!(arg instanceof SeqNode seq) || seq.items().size() < 3 || seq.items().size() > 4) {
      return new Unknown(
          "Fn::FindInMap needs a list of a map name, a top-level key and a second-level key", span);
    }
    Node fallback = null;
    if (seq.items().size() == 4) {
      Optional<Node> d =
          seq.items().get(3) instanceof MapNode options
              ? options.get("DefaultValue")
              : Optional.empty();
      if (d.isEmpty()) {
        return new Unknown(
            "the fourth item of Fn::FindInMap must be a map with 'DefaultValue'", span);
      }
      fallback = d.get();
    }
    Node defaultValue = fallback;
    Value map = evaluate(seq.items().get(0));
    Value top = evaluate(seq.items().get(1));
    Value second = evaluate(seq.items().get(2));
    return overVariants(
        map,
        m ->
            overVariants(
                top,
                t -> overVariants(second, s -> lookup(m, t, s, defaultValue, span), span),
                span),
        span);
  }

  private Value lookup(Value mapName, Value top, Value second, Node defaultValue, Span span) {
    String name = mapKey(mapName);
    String topKey = mapKey(top);
    String secondKey = mapKey(second);
    if (name == null || topKey == null || secondKey == null) {
      Value unknown = name == null ? mapName : topKey == null ? top : second;
      String why = unknown instanceof Unknown u ? ": " + u.reason() : "";
      return new Unknown("a key of Fn::FindInMap is not known" + why, span);
    }
    Optional<MapNode> mapping = child(mappings, name);
    Optional<Node> value = mapping.flatMap(m -> child(m, topKey)).flatMap(m -> m.get(secondKey));
    if (value.isPresent()) {
      return respan(evaluate(value.get()), span);
    }
    if (defaultValue != null) {
      return respan(evaluate(defaultValue), span);
    }
    if (mapping.isEmpty()) {
      return new Unknown("there is no mapping '" + name + "' in this template", span);
    }
    return new Unknown(
        "mapping '" + name + "' has no entry '" + topKey + "." + secondKey + "'", span);
  }

  /**
   * A literal key. An unpinned {@code AWS::Partition} is taken as "aws": templates map the
   * partition to service principals and DNS names (eksctl's ServicePrincipalPartitionMap), and the
   * commercial partition is where nearly every template is deployed; pinning the partition gives
   * the others.
   */
  private static String mapKey(Value v) {
    if (!(v instanceof Text t)) {
      return null;
    }
    Optional<String> literal = t.literal();
    if (literal.isPresent()) {
      return literal.get();
    }
    Optional<Symbol> symbol = t.soleSymbol();
    if (symbol.isPresent() && symbol.get().equals(new Symbol.Pseudo(PseudoKind.PARTITION))) {
      return "aws";
    }
    return null;
  }

  private static Optional<MapNode> child(MapNode map, String key) {
    return map == null
        ? Optional.empty()
        : map.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }

  // --- Fn::If, Fn::ImportValue
  // --------------------------------------------------------------------

  private Value ifThenElse(Node arg, Span span) {
    if (!(arg instanceof SeqNode seq)
        || seq.items().size() != 3
        || !(seq.items().get(0) instanceof ScalarNode c)
        || c.isNull()) {
      return new Unknown(
          "Fn::If needs a list of a condition name, a value if true and a value if false", span);
    }
    String condition = c.text();
    Truth truth = conditions.truth(condition);
    if (truth.isInvalid()) {
      return new Unknown(truth.problem(), span);
    }
    if (truth.isDecided()) {
      return evaluate(seq.items().get(truth.value() ? 1 : 2));
    }
    return new OneOf(
        List.of(
            new Guarded<>(Guard.of(condition, true), evaluate(seq.items().get(1))),
            new Guarded<>(Guard.of(condition, false), evaluate(seq.items().get(2)))),
        span);
  }

  private Value importValue(Node arg, Span span) {
    return overVariants(
        evaluate(arg),
        name -> {
          if (name instanceof Text t) {
            return imports.resolve(t, span);
          }
          if (name instanceof Unknown u) {
            return new Unknown("the name of the imported value is not known: " + u.reason(), span);
          }
          return new Unknown("Fn::ImportValue needs the name of an export", span);
        },
        span);
  }

  private static String macroName(Node arg) {
    if (arg instanceof MapNode m
        && m.get("Name").orElse(null) instanceof ScalarNode s
        && !s.isNull()) {
      return "the macro '" + s.text() + "'";
    }
    return "a macro";
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  /** Applies {@code f} to each alternative of {@code v} (no OneOf left inside, no Absent items). */
  private static Value overVariants(Value v, Function<Value, Value> f, Span span) {
    if (v instanceof Text || v instanceof Unknown || v instanceof Absent) {
      return f.apply(v);
    }
    List<Guarded<Value>> out = new ArrayList<>();
    for (Guarded<Value> alt : Values.variants(v)) {
      out.add(new Guarded<>(alt.guard(), f.apply(alt.value())));
    }
    return alternatives(out, span);
  }

  private static Value alternatives(List<Guarded<Value>> values, Span span) {
    if (values.isEmpty()) {
      return new Unknown("no combination of conditions gives a value", span);
    }
    if (values.size() == 1) {
      return values.get(0).value();
    }
    return new OneOf(values, span);
  }

  /** The same value, located where it is used. */
  static Value respan(Value v, Span span) {
    if (v instanceof Text t) {
      return new Text(t.parts(), span);
    }
    if (v instanceof ListValue l) {
      return new ListValue(l.items(), span);
    }
    if (v instanceof MapValue m) {
      return new MapValue(m.entries(), span);
    }
    if (v instanceof OneOf o) {
      return new OneOf(o.branches(), span);
    }
    if (v instanceof Unknown u) {
      return new Unknown(u.reason(), span);
    }
    return new Absent(span);
  }

  private static MapNode section(MapNode root, String name) {
    return root.get(name).filter(MapNode.class::isInstance).map(MapNode.class::cast).orElse(null);
  }
}

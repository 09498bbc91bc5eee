package dev.polygraph.tree;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML file into a located tree. The only class that touches SnakeYAML: it composes
 * SnakeYAML's node graph (never constructs Java objects, so {@code 2012-10-17} stays text), then
 * rewrites CloudFormation's short-form tags into their long form.
 */
public final class YamlTreeReader {
  static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
  static final int MAX_NESTING_DEPTH = 100;
  static final int MAX_CODE_POINTS = 20_000_000;

  /**
   * SnakeYAML's scanner slows down quadratically on one very long token (a 20 MB comment line takes
   * minutes), so longer lines are refused before it sees them.
   */
  static final int MAX_LINE_LENGTH = 1_000_000;

  /** Bounds what aliases may expand to, even under the alias limit (5 aliases x 10 levels). */
  static final long MAX_EXPANDED_NODES = 1_000_000;

  private YamlTreeReader() {}

  public static TreeResult read(SourceFile file) {
    return new Reading(file).run();
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    // Nothing is ever constructed from a tag, so any tag is harmless; unknown ones are reported.
    options.setTagInspector(tag -> true);
    return options;
  }

  /** A converted node and the UTF-16 offsets it spans. */
  private record Converted(Node node, int start, int end) {}

  /** Where a node's properties (anchor, tag) and its content begin. */
  private record Properties(int tagStart, int tagEnd, int contentStart) {}

  /** How a scalar's type is decided. */
  private enum ScalarMode {
    /** As YAML says: its own (explicit or resolved) tag. */
    YAML,
    /** Under a CloudFormation short form: the scalar is the string written. */
    SHORT_FORM,
    /** Its unknown tag is dropped, so it is resolved as if untagged. */
    UNTAGGED
  }

  /** One read of one file: holds the per-file state, so the reader itself stays stateless. */
  private static final class Reading {
    private final SourceFile lines;
    private final String text;
    private final int[] astralCodePoints;
    private final List<InputProblem> problems = new ArrayList<>();
    private final Resolver resolver = new Resolver();
    private final Set<org.yaml.snakeyaml.nodes.Node> explicitlyTagged =
        Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<org.yaml.snakeyaml.nodes.Node, Converted> converted = new IdentityHashMap<>();
    private final Set<org.yaml.snakeyaml.nodes.Node> converting =
        Collections.newSetFromMap(new IdentityHashMap<>());
    private final RecordingParser parser;
    private final Composer composer;
    private int[] aliasStarts = new int[0];
    private int[] aliasEnds = new int[0];
    private String[] aliasNames = new String[0];

    Reading(SourceFile file) {
      this.lines = file;
      this.text = file.text();
      this.astralCodePoints = astralCodePoints(text);
      LoaderOptions options = options();
      this.parser = new RecordingParser(new ParserImpl(new StreamReader(text), options));
      this.composer = new TagTrackingComposer(parser, resolver, options, explicitlyTagged);
    }

    TreeResult run() {
      Optional<InputProblem> tooLarge = sizeProblem();
      if (tooLarge.isPresent()) {
        return failed(tooLarge.get());
      }
      try {
        if (!composer.checkNode()) {
          return new TreeResult(null, problems);
        }
        org.yaml.snakeyaml.nodes.Node document = composer.getNode();
        recordAliases();
        Node root = convert(document).node();
        if (aliasStarts.length > 0
            && expandedSize(root, new IdentityHashMap<>()) > MAX_EXPANDED_NODES) {
          return failed(
              new InputProblem(
                  lines.pointAt(0),
                  "Aliases expand the document to more than " + MAX_EXPANDED_NODES + " nodes."));
        }
        checkSingleDocument();
        return new TreeResult(root, problems);
      } catch (YAMLException e) {
        return failed(problem(e));
      }
    }

    /** No tree, and only the problem that stopped the reading: what came before it is noise. */
    private static TreeResult failed(InputProblem problem) {
      return new TreeResult(null, List.of(problem));
    }

    /** The size limits, checked before SnakeYAML reads anything. */
    private Optional<InputProblem> sizeProblem() {
      if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
        return Optional.of(
            new InputProblem(
                lines.pointAt(0), "The file is longer than " + MAX_CODE_POINTS + " characters."));
      }
      int lineStart = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
          if (i - lineStart > MAX_LINE_LENGTH) {
            return Optional.of(
                new InputProblem(
                    lines.pointAt(lineStart + MAX_LINE_LENGTH),
                    "The line is longer than " + MAX_LINE_LENGTH + " characters."));
          }
          lineStart = i + 1;
        }
      }
      return Optional.empty();
    }

    /** A second document is reported, not read: a template is one document. */
    private void checkSingleDocument() {
      try {
        if (composer.checkNode()) {
          problems.add(
              new InputProblem(
                  lines.pointAt(offset(parser.peekEvent().getStartMark())),
                  "A CloudFormation template is one YAML document."));
        }
      } catch (YAMLException e) {
        problems.add(problem(e));
      }
    }

    private InputProblem problem(YAMLException e) {
      if (e instanceof MarkedYAMLException) {
        MarkedYAMLException marked = (MarkedYAMLException) e;
        Mark mark =
            marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        return new InputProblem(
            mark != null ? lines.pointAt(offset(mark)) : lastEventPoint(),
            YamlMessages.readable(marked.getProblem(), marked.getContext()));
      }
      if (e instanceof ReaderException) {
        ReaderException reader = (ReaderException) e;
        return new InputProblem(
            lines.pointAt(offset(reader.getPosition())),
            String.format("The character U+%04X is not allowed in YAML.", reader.getCodePoint()));
      }
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("Nesting Depth exceeded")) {
        return new InputProblem(
            lastEventPoint(),
            "The YAML is nested more than " + MAX_NESTING_DEPTH + " levels deep.");
      }
      if (message.startsWith("Number of aliases")) {
        return new InputProblem(
            lastEventPoint(),
            "The YAML uses more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases to collections.");
      }
      if (message.contains("exceeds the limit")) {
        return new InputProblem(
            lines.pointAt(0), "The file is longer than " + MAX_CODE_POINTS + " characters.");
      }
      return new InputProblem(lastEventPoint(), YamlMessages.sentence(message));
    }

    private Span lastEventPoint() {
      Mark mark = parser.lastStart();
      return lines.pointAt(mark == null ? 0 : offset(mark));
    }

    // ---- positions ----

    /** SnakeYAML counts code points; spans count UTF-16 units. The one place that converts. */
    private int offset(Mark mark) {
      return offset(mark.getIndex());
    }

    private int offset(int codePointIndex) {
      int lo = 0;
      int hi = astralCodePoints.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (astralCodePoints[mid] < codePointIndex) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      // Each astral code point before this one takes two UTF-16 units instead of one.
      return codePointIndex + lo;
    }

    private static int[] astralCodePoints(String text) {
      List<Integer> found = new ArrayList<>();
      int index = 0;
      for (int i = 0; i < text.length(); index++) {
        int cp = text.codePointAt(i);
        if (Character.isSupplementaryCodePoint(cp)) {
          found.add(index);
        }
        i += Character.charCount(cp);
      }
      return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private void recordAliases() {
      List<AliasEvent> aliases = parser.aliases();
      aliasStarts = new int[aliases.size()];
      aliasEnds = new int[aliases.size()];
      aliasNames = new String[aliases.size()];
      for (int i = 0; i < aliases.size(); i++) {
        aliasStarts[i] = offset(aliases.get(i).getStartMark());
        aliasEnds[i] = offset(aliases.get(i).getEndMark());
        aliasNames[i] = aliases.get(i).getAnchor();
      }
    }

    /**
     * Skips a node's anchor and tag (SnakeYAML's start mark is on the first of them) and remembers
     * where the tag is, for the key of a short form and for "Unknown tag" problems.
     */
    private Properties properties(int start, int end) {
      int i = start;
      int tagStart = -1;
      int tagEnd = -1;
      while (i < end && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
        int propertyStart = i;
        boolean tag = text.charAt(i) == '!';
        if (tag && i + 1 < end && text.charAt(i + 1) == '<') {
          int close = text.indexOf('>', i);
          i = close < 0 || close >= end ? end : close + 1;
        } else {
          while (i < end
              && !Character.isWhitespace(text.charAt(i))
              && (tag || !isFlowIndicator(text.charAt(i)))) {
            i++;
          }
        }
        if (tag) {
          tagStart = propertyStart;
          tagEnd = i;
        }
        i = skipSpaceAndComments(i, end);
      }
      return new Properties(tagStart, tagEnd, i);
    }

    private int skipSpaceAndComments(int from, int end) {
      int i = from;
      while (i < end) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          i++;
        } else if (c == '#') {
          while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
        } else {
          break;
        }
      }
      return i;
    }

    private static boolean isFlowIndicator(char c) {
      return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    // ---- conversion ----

    private Converted convert(org.yaml.snakeyaml.nodes.Node node) {
      Converted done = converted.get(node);
      if (done != null) {
        return done; // an alias: the anchored node, with its spans
      }
      if (!converting.add(node)) {
        return recursiveAlias(node);
      }
      Converted result = convertTagged(node);
      converting.remove(node);
      converted.put(node, result);
      return result;
    }

    /**
     * An alias inside the node it names ({@code &a [*a]}) would make the tree infinite: it becomes
     * a null at the alias, reported there.
     */
    private Converted recursiveAlias(org.yaml.snakeyaml.nodes.Node node) {
      int nodeStart = offset(node.getStartMark());
      int nodeEnd = offset(node.getEndMark());
      int start = nodeStart;
      int end = nodeStart;
      for (int i = 0; i < aliasStarts.length; i++) {
        if (aliasStarts[i] >= nodeStart
            && aliasEnds[i] <= nodeEnd
            && aliasNames[i].equals(node.getAnchor())) {
          start = aliasStarts[i];
          end = aliasEnds[i];
          break;
        }
      }
      Span span = lines.span(start, end);
      problems.add(
          new InputProblem(
              span, "The alias '*" + node.getAnchor() + "' refers to a node that contains it."));
      return new Converted(new ScalarNode(span, null, false), start, end);
    }

    private Converted convertTagged(org.yaml.snakeyaml.nodes.Node node) {
      int rawStart = offset(node.getStartMark());
      int rawEnd = Math.max(rawStart, offset(node.getEndMark()));
      Properties p = properties(rawStart, rawEnd);
      Tag tag = node.getTag();
      if (Tag.standardTags.contains(tag) || tag.equals(Tag.MERGE)) {
        return content(node, p.contentStart(), rawEnd, ScalarMode.YAML);
      }
      Optional<String> longForm = ShortFormTags.longForm(tag.getValue());
      int tagStart = p.tagStart() >= 0 ? p.tagStart() : rawStart;
      int tagEnd = p.tagStart() >= 0 ? p.tagEnd() : rawStart;
      Span tagSpan = lines.span(tagStart, tagEnd);
      if (longForm.isPresent()) {
        Converted value = content(node, p.contentStart(), rawEnd, ScalarMode.SHORT_FORM);
        int end = Math.max(value.end(), tagEnd);
        MapNode map =
            new MapNode(
                lines.span(tagStart, end),
                List.of(
                    new MapNode.Entry(
                        new ScalarNode(tagSpan, longForm.get(), false), value.node())));
        return new Converted(map, tagStart, end);
      }
      problems.add(new InputProblem(tagSpan, "Unknown tag '" + written(tag) + "'."));
      return content(node, p.contentStart(), rawEnd, ScalarMode.UNTAGGED);
    }

    private static String written(Tag tag) {
      String value = tag.getValue();
      if (value.startsWith(Tag.PREFIX)) {
        return "!!" + value.substring(Tag.PREFIX.length());
      }
      return value.startsWith("!") ? value : "!<" + value + ">";
    }

    private Converted content(
        org.yaml.snakeyaml.nodes.Node node, int start, int rawEnd, ScalarMode mode) {
      if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
        return scalar((org.yaml.snakeyaml.nodes.ScalarNode) node, start, rawEnd, mode);
      }
      if (node instanceof SequenceNode) {
        return sequence((SequenceNode) node, start, rawEnd);
      }
      return mapping((MappingNode) node, start, rawEnd);
    }

    private Converted scalar(
        org.yaml.snakeyaml.nodes.ScalarNode node, int start, int rawEnd, ScalarMode mode) {
      ScalarStyle style = node.getScalarStyle();
      int end = rawEnd;
      if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
        // A block scalar's end mark is past its trailing line breaks; the span ends with its text.
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
      }
      Span span = lines.span(start, end);
      String value = node.getValue();
      boolean plain = style == ScalarStyle.PLAIN;
      if (mode == ScalarMode.SHORT_FORM) {
        return new Converted(new ScalarNode(span, value, !plain), start, end);
      }
      Tag tag;
      boolean explicit;
      if (mode == ScalarMode.UNTAGGED) {
        tag = plain ? resolver.resolve(NodeId.scalar, value, true) : Tag.STR;
        explicit = false;
      } else {
        tag = node.getTag();
        explicit = explicitlyTagged.contains(node);
      }
      ScalarNode result;
      if (tag.equals(Tag.NULL)) {
        result = new ScalarNode(span, null, false);
      } else {
        result = new ScalarNode(span, value, tag.equals(Tag.STR) && (explicit || !plain));
      }
      return new Converted(result, start, end);
    }

    private Converted sequence(SequenceNode node, int start, int rawEnd) {
      List<Node> items = new ArrayList<>();
      List<Converted> parts = new ArrayList<>();
      for (org.yaml.snakeyaml.nodes.Node item : node.getValue()) {
        Converted c = convert(item);
        items.add(c.node());
        parts.add(c);
      }
      int end = end(node, start, rawEnd, parts);
      return new Converted(new SeqNode(lines.span(start, end), items), start, end);
    }

    private Converted mapping(MappingNode node, int start, int rawEnd) {
      List<MapNode.Entry> entries = new ArrayList<>();
      List<Converted> parts = new ArrayList<>();
      Map<String, ScalarNode> firstKeys = new HashMap<>();
      for (NodeTuple tuple : node.getValue()) {
        Converted key = convert(tuple.getKeyNode());
        Converted value = convert(tuple.getValueNode());
        parts.add(key);
        parts.add(value);
        if (!(key.node() instanceof ScalarNode)) {
          problems.add(new InputProblem(key.node().span(), "A mapping key must be a scalar."));
          continue;
        }
        ScalarNode keyNode = (ScalarNode) key.node();
        if (keyNode.text() != null) {
          ScalarNode first = firstKeys.putIfAbsent(keyNode.text(), keyNode);
          if (first != null) {
            problems.add(
                new InputProblem(
                    keyNode.span(),
                    "Duplicate key '"
                        + keyNode.text()
                        + "' (first defined at line "
                        + first.span().startLine()
                        + ")."));
          }
        }
        entries.add(new MapNode.Entry(keyNode, value.node()));
      }
      int end = end(node, start, rawEnd, parts);
      return new Converted(new MapNode(lines.span(start, end), entries), start, end);
    }

    /**
     * A flow collection ends at its bracket. A block collection's end mark is where the next token
     * starts (often lines later, after comments), so it ends with its last part instead: the last
     * child written inside it, or the last alias written inside it (an alias's node lies
     * elsewhere).
     */
    private int end(
        org.yaml.snakeyaml.nodes.CollectionNode<?> node,
        int start,
        int rawEnd,
        List<Converted> parts) {
      if (node.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
        return rawEnd;
      }
      int end = start;
      for (Converted part : parts) {
        if (part.start() >= start && part.end() <= rawEnd) {
          end = Math.max(end, part.end());
        }
      }
      int lastAlias = lastAliasBefore(rawEnd);
      if (lastAlias >= 0 && aliasStarts[lastAlias] >= start) {
        end = Math.max(end, Math.min(aliasEnds[lastAlias], rawEnd));
      }
      return end;
    }

    private int lastAliasBefore(int offset) {
      int lo = 0;
      int hi = aliasStarts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (aliasStarts[mid] < offset) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    }

    /** How many nodes the tree has once every alias is expanded (saturating past the limit). */
    private static long expandedSize(Node node, Map<Node, Long> memo) {
      Long known = memo.get(node);
      if (known != null) {
        return known;
      }
      long size = 1;
      if (node instanceof MapNode) {
        for (MapNode.Entry e : ((MapNode) node).entries()) {
          size += 1 + expandedSize(e.value(), memo);
          if (size > MAX_EXPANDED_NODES) {
            break;
          }
        }
      } else if (node instanceof SeqNode) {
        for (Node item : ((SeqNode) node).items()) {
          size += expandedSize(item, memo);
          if (size > MAX_EXPANDED_NODES) {
            break;
          }
        }
      }
      size = Math.min(size, MAX_EXPANDED_NODES + 1);
      memo.put(node, size);
      return size;
    }
  }

  /**
   * Remembers which scalars carried an explicit tag: {@code !!str 12} is a string, plain 12 not.
   */
  private static final class TagTrackingComposer extends Composer {
    private final Set<org.yaml.snakeyaml.nodes.Node> explicitlyTagged;

    TagTrackingComposer(
        Parser parser,
        Resolver resolver,
        LoaderOptions options,
        Set<org.yaml.snakeyaml.nodes.Node> explicitlyTagged) {
      super(parser, resolver, options);
      this.explicitlyTagged = explicitlyTagged;
    }

    @Override
    protected org.yaml.snakeyaml.nodes.Node composeScalarNode(
        String anchor, List<CommentLine> blockComments) {
      Event next = parser.peekEvent();
      boolean explicit = next instanceof ScalarEvent && ((ScalarEvent) next).getTag() != null;
      org.yaml.snakeyaml.nodes.Node node = super.composeScalarNode(anchor, blockComments);
      if (explicit) {
        explicitlyTagged.add(node);
      }
      return node;
    }
  }

  /**
   * Passes events through, remembering the last one (SnakeYAML's limit errors carry no position)
   * and every alias (their nodes are elsewhere, but they end the collections they are written in).
   */
  private static final class RecordingParser implements Parser {
    private final Parser delegate;
    private final List<AliasEvent> aliases = new ArrayList<>();
    private Mark lastStart;

    RecordingParser(Parser delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = delegate.getEvent();
      if (event != null) {
        lastStart = event.getStartMark();
        if (event instanceof AliasEvent) {
          aliases.add((AliasEvent) event);
        }
      }
      return event;
    }

    Mark lastStart() {
      return lastStart;
    }

    List<AliasEvent> aliases() {
      return aliases;
    }
  }
}

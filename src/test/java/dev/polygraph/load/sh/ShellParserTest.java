package dev.polygraph.load.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShellParserTest {

  private static ShellScript parse(String text) {
    return ShellParser.parse(new SourceFile(Path.of("s.sh"), "s.sh", text));
  }

  /** Each command as its words, literal text shown as is and expansions as {name} or {$(…)}. */
  private static List<String> commands(String text) {
    return parse(text).commands().stream().map(c -> words(c.words())).toList();
  }

  private static String words(List<Word> words) {
    return words.stream().map(ShellParserTest::show).collect(Collectors.joining(" | "));
  }

  private static String show(Word w) {
    StringBuilder sb = new StringBuilder();
    for (Word.Piece p : w.pieces()) {
      if (p instanceof Word.Chars c) {
        sb.append(c.text());
      } else if (p instanceof Word.Param param) {
        sb.append('{').append(param.name()).append(param.operator()).append('}');
      } else if (p instanceof Word.Subst s) {
        sb.append("{$(").append(s.text()).append(")}");
      }
    }
    return sb.toString();
  }

  @Test
  void quotingContinuationsAndOptionForms() {
    assertEquals(
        List.of("aws | iam | create-role | --role-name=A B | --x | file://t.json | it's"),
        commands("aws iam \\\n  create-role --role-name='A B' \\\r\n --x file://\"t.json\" it\\'s # comment\n"));
  }

  @Test
  void expansionsInAndOutOfDoubleQuotes() {
    assertEquals(
        List.of("echo | arn:{P}:iam::{ACCOUNT}:role/{R:-x} | $ | {1} | {$(date)} | '{X}' | $HOME", "date"),
        commands("echo arn:$P:iam::\"${ACCOUNT}\":role/${R:-x} $ $1 $(date) \"'$X'\" '$HOME'\n"));
  }

  @Test
  void separatorsEndCommandsAndCommandSubstitutionsAreReadToo() {
    assertEquals(
        List.of(
            "aws | sts | get-caller-identity",
            "A={$(aws sts get-caller-identity)}",
            "if | true",
            "then | echo | a",
            "fi",
            "b",
            "c"),
        commands("A=$(aws sts get-caller-identity)\nif true; then echo a; fi\nb && c\n"));
  }

  @Test
  void heredocBodiesFollowTheLineThatAnnouncesThem() {
    ShellScript s =
        parse("cat >t.json <<EOF; echo after\n{\"a\": \"$X\"}\nEOF\ncat <<'E2' > u.json\n$Y\nE2\n");
    assertEquals(3, s.commands().size());
    Command first = s.commands().get(0);
    assertEquals("t.json", show(first.writes().get(0)));
    assertEquals("{\"a\": \"{X}\"}\n", show(first.heredocs().get(0)));
    assertEquals("echo | after", words(s.commands().get(1).words()));
    Command third = s.commands().get(2);
    assertEquals("u.json", show(third.writes().get(0)));
    assertEquals("$Y\n", show(third.heredocs().get(0)), "a quoted delimiter turns expansion off");
  }

  @Test
  void tabStrippingHeredocsAndDescriptorRedirections() {
    ShellScript s = parse("cat <<-EOF 2>&1 >>log\n\t\tbody\n\tEOF\necho done\n");
    assertEquals("cat", words(s.commands().get(0).words()));
    assertEquals("log", show(s.commands().get(0).writes().get(0)));
    assertEquals("body\n", show(s.commands().get(0).heredocs().get(0)));
    assertEquals("echo | done", words(s.commands().get(1).words()));
  }

  @Test
  void charactersKeepTheirSourceOffsets() {
    Word w = parse("x \"a\\\"b\"\n").commands().get(0).words().get(1);
    Word.Chars chars = (Word.Chars) w.pieces().get(0);
    assertEquals("a\"b", chars.text());
    assertEquals(List.of(3, 5, 6), java.util.Arrays.stream(chars.offsets()).boxed().toList());
    assertEquals(2, w.start());
    assertEquals(8, w.end());
  }

  @Test
  void anUnterminatedQuoteIsAProblemAtTheQuote() {
    ShellScript s = parse("echo ok\naws iam x --a 'never closed\n");
    assertEquals(List.of(new InputProblem(Span.point("s.sh", 2, 15), "Unterminated single-quoted string.")), s.problems());
    assertEquals(List.of("echo | ok"), s.commands().stream().map(c -> words(c.words())).toList());
  }

  @Test
  void anUnclosedHeredocRunsToTheEndOfTheFile() {
    ShellScript s = parse("cat >f <<EOF\nline\n");
    assertEquals(List.of(), s.problems());
    assertEquals("line\n", show(s.commands().get(0).heredocs().get(0)));
  }

  @Test
  void deeplyNestedSubstitutionsAreBounded() {
    String text = "$(".repeat(5000) + "aws iam create-role" + ")".repeat(5000) + "\n";
    ShellScript s = parse(text);
    assertEquals(List.of(), s.problems());
    assertEquals(ShellParser.MAX_NESTING + 1, s.commands().size(), "the script's command and one per level read");
  }
}

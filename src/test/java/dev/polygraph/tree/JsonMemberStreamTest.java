package dev.polygraph.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonMemberStreamTest {

  private final List<String> seen = new ArrayList<>();

  private List<InputProblem> read(String json) {
    return JsonMemberStream.read(
        new SourceFile(Path.of("d.json"), "d.json", json),
        Set.of("Items"),
        new JsonMemberStream.Handler() {
          @Override
          public void member(ScalarNode key, Node value) {
            seen.add("member " + key.text() + " " + key.span() + " " + value.getClass().getSimpleName() + " " + value.span());
          }

          @Override
          public void item(ScalarNode key, Node item) {
            seen.add("item " + key.text() + " " + item.span() + "-" + item.span().endLine() + ":" + item.span().endColumn());
          }
        });
  }

  @Test
  void streamedArraysArriveItemByItemWithTheSpansOfAWholeTree() {
    String json = "{\n  \"Items\": [\n    {\"a\": 1},\n    \"é\"\n  ],\n  \"Other\": [1],\n  \"Flag\": true\n}\n";
    assertEquals(List.of(), read(json));
    assertEquals(
        List.of(
            "item Items d.json:3:5-3:13",
            "item Items d.json:4:5-4:8",
            "member Other d.json:6:3 SeqNode d.json:6:12",
            "member Flag d.json:7:3 ScalarNode d.json:7:11"),
        seen);
    SourceFile f = new SourceFile(Path.of("d.json"), "d.json", json);
    MapNode whole = (MapNode) JsonTreeReader.read(f).root();
    assertEquals(new Span("d.json", 3, 5, 3, 13), ((SeqNode) whole.get("Items").orElseThrow()).items().get(0).span());
  }

  @Test
  void aDuplicateRootKeyIsAProblemAndBothAreDelivered() {
    List<InputProblem> problems = read("{\"Items\": [],\n\"Items\": [2]}");
    assertEquals(
        List.of(new InputProblem(new Span("d.json", 2, 1, 2, 8), "Duplicate key 'Items' (first defined at line 1).")),
        problems);
    assertEquals(List.of("item Items d.json:2:11-2:12"), seen);
  }

  @Test
  void aSyntaxErrorStopsTheStreamAtItsPositionKeepingWhatCameBefore() {
    List<InputProblem> problems = read("{\"Items\": [{\"a\": 1},\n  {\"a\": }]}");
    assertEquals(1, problems.size());
    assertEquals(Span.point("d.json", 2, 9), problems.get(0).span());
    assertEquals(List.of("item Items d.json:1:12-1:20"), seen);
  }

  @Test
  void aRootThatIsNoObjectIsAProblem() {
    assertEquals(
        List.of(new InputProblem(Span.point("d.json", 1, 1), "Expected a JSON object.")), read("[1]"));
  }
}

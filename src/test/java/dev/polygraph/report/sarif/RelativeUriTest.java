package dev.polygraph.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RelativeUriTest {

  @Test
  void plainPathsStayAsTheyAre() {
    assertEquals("templates/nodes.yaml", RelativeUri.of("templates/nodes.yaml"));
    assertEquals("a-b_c.d~e/F9.tf", RelativeUri.of("a-b_c.d~e/F9.tf"));
  }

  @Test
  void spacesAndNonAsciiArePercentEncodedAsUtf8() {
    assertEquals("policies/node%20trust%20%C3%BC.json", RelativeUri.of("policies/node trust ü.json"));
    assertEquals("%E6%97%A5%E6%9C%AC/%F0%9F%94%91.tf", RelativeUri.of("日本/\uD83D\uDD11.tf"));
  }

  @Test
  void reservedCharactersCannotChangeTheMeaningOfTheReference() {
    // "c:" would be a scheme, "?" a query, "#" a fragment, "%" an escape.
    assertEquals("c%3A/x.yaml", RelativeUri.of("c:/x.yaml"));
    assertEquals("a%3Fb%23c%25d.json", RelativeUri.of("a?b#c%d.json"));
  }

  @Test
  void resultIsARelativeUriReferenceThatDecodesToThePath() {
    String path = "dir with space/ü:1?#%.yaml";
    URI uri = URI.create(RelativeUri.of(path));
    assertEquals(null, uri.getScheme());
    assertEquals(path, uri.getPath());
  }
}

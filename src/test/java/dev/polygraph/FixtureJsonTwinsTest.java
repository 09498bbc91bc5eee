package dev.polygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixtureJsonTwinsTest {

  @Test
  void markersLandOnTheJsonLinesOfTheirNodes() {
    String yaml =
        "Resources:\n"
            + "  NodeRole:  # expect: EKS008 'NodeRole'\n"
            + "    Type: AWS::IAM::Role\n"
            + "    Properties:\n"
            + "      AssumeRolePolicyDocument:\n"
            + "        Version: \"2012-10-17\"  # expect: EKS001\n"
            + "        Statement:\n"
            + "          - Effect: Allow  # expect: EKS002\n"
            + "            Principal: \"*\"\n"
            + "            Action: sts:AssumeRole\n"
            + "      ManagedPolicyArns:  # expect: EKS003, EKS004\n"
            + "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"
            + "        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy  # expect: EKS010\n"
            + "      MaxSessionDuration: 3600\n"
            + "      Tags: []\n";
    FixtureJsonTwins.Twin twin = FixtureJsonTwins.of("bad-x.yaml", yaml);
    assertEquals(
        "{\n"
            + "  \"Resources\": {\n"
            + "    \"NodeRole\": {\n"
            + "      \"Type\": \"AWS::IAM::Role\",\n"
            + "      \"Properties\": {\n"
            + "        \"AssumeRolePolicyDocument\": {\n"
            + "          \"Version\": \"2012-10-17\",\n"
            + "          \"Statement\": [\n"
            + "            {\n"
            + "              \"Effect\": \"Allow\",\n"
            + "              \"Principal\": \"*\",\n"
            + "              \"Action\": \"sts:AssumeRole\"\n"
            + "            }\n"
            + "          ]\n"
            + "        },\n"
            + "        \"ManagedPolicyArns\": [\n"
            + "          {\"Fn::Sub\": \"arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\"},\n"
            + "          \"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\"\n"
            + "        ],\n"
            + "        \"MaxSessionDuration\": 3600,\n"
            + "        \"Tags\": []\n"
            + "      }\n"
            + "    }\n"
            + "  }\n"
            + "}\n",
        twin.json());
    assertEquals(
        "# Generated from bad-x.yaml by FixtureJsonTwins.\n"
            + "3 EKS008 'NodeRole'\n"
            + "6 EKS001\n"
            + "9 EKS002\n"
            + "16 EKS003\n"
            + "16 EKS004\n"
            + "18 EKS010\n",
        twin.expect());
  }

  @Test
  void aGoodFixtureNeedsNoExpectFile() {
    assertEquals(null, FixtureJsonTwins.of("good-x.yaml", "Resources: {}\n").expect());
  }

  @Test
  void aMarkerOnALineWhereNoNodeStartsIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FixtureJsonTwins.of("bad-x.yaml", "a:\n  b: 1\n# expect: EKS001\n"));
    assertEquals("bad-x.yaml:3: no node starts where the marker points", e.getMessage());
  }

  /** The JSON fixtures are generated; run FixtureJsonTwins.main after editing a YAML fixture. */
  @Test
  void everyJsonTwinIsUpToDate() throws IOException {
    Path fixtures = FixtureCase.FIXTURES;
    Map<Path, FixtureJsonTwins.Twin> twins = FixtureJsonTwins.all(fixtures);
    assertFalse(twins.isEmpty());
    List<String> stale = new ArrayList<>();
    for (Map.Entry<Path, FixtureJsonTwins.Twin> twin : twins.entrySet()) {
      Path json = FixtureJsonTwins.jsonPath(fixtures, twin.getKey());
      Path expect = json.resolveSibling(json.getFileName() + ".expect");
      boolean jsonOk = Files.exists(json) && Files.readString(json).equals(twin.getValue().json());
      boolean expectOk =
          twin.getValue().expect() == null
              ? !Files.exists(expect)
              : Files.exists(expect) && Files.readString(expect).equals(twin.getValue().expect());
      if (!jsonOk || !expectOk) {
        stale.add(json.toString());
      }
    }
    assertEquals(List.of(), stale, "regenerate with FixtureJsonTwins.main");
  }
}

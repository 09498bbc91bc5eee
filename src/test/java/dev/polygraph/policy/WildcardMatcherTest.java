package dev.polygraph.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardMatcherTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*, anything, true",
    "*, '', true",
    "'', '', true",
    "'', a, false",
    "a, '', false",
    "ec2:Describe*, ec2:DescribeInstances, true",
    "ec2:Describe*, ec2:CreateTags, false",
    "ec2:*Instances, ec2:DescribeInstances, true",
    "ec2:*Instances, ec2:DescribeInstancesX, false",
    "ec2:Describe?pcs, ec2:DescribeVpcs, true",
    "ec2:Describe?pcs, ec2:DescribePcs, false",
    "ec2:Describe?pcs, ec2:DescribeXXpcs, false",
    "a*b*c, abc, true",
    "a*b*c, aXbYc, true",
    "a*b*c, aXbYcZ, false",
    "a*b*c, aXcYb, false",
    "*a*b, ab, true",
    "**, x, true",
    "a?, a, false",
    "arn:aws:ec2:*:*:network-interface/*, arn:aws:ec2:us-east-1:111122223333:network-interface/eni-1, true",
    "arn:aws:ec2:*:*:network-interface/*, arn:aws:ec2:us-east-1:111122223333:instance/i-1, false",
  })
  void matchesCaseSensitively(String pattern, String value, boolean expected) {
    assertTrue(WildcardMatcher.matches(pattern, value, false) == expected);
  }

  @Test
  void actionsIgnoreCaseResourcesDoNot() {
    assertTrue(WildcardMatcher.matches("EC2:describe*", "ec2:DescribeInstances", true));
    assertTrue(WildcardMatcher.matches("ec2:describeinstances", "EC2:DESCRIBEINSTANCES", true));
    assertFalse(WildcardMatcher.matches("EC2:describe*", "ec2:DescribeInstances", false));
    assertFalse(WildcardMatcher.matches("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false));
  }

  @Test
  void aLiteralStarOrQuestionMarkInTheValueIsJustACharacter() {
    assertTrue(WildcardMatcher.matches("a?c", "a*c", false));
    assertTrue(WildcardMatcher.matches("a*", "a?", false));
  }

  @ParameterizedTest(name = "{0} covers {1} = {2}")
  @CsvSource({
    "*, *, true",
    "**, *, true",
    "arn:*, *, false",
    "?, *, false",
    "*, arn:aws:ec2:*:*:network-interface/*, true",
    "arn:aws:ec2:*:*:network-interface/*, arn:aws:ec2:*:*:network-interface/*, true",
    "arn:aws:ec2:*:*:*, arn:aws:ec2:*:*:network-interface/*, true",
    "arn:aws:ec2:us-east-1:*:network-interface/*, arn:aws:ec2:*:*:network-interface/*, false",
    "arn:aws:ec2:*:*:network-interface/eni-?, arn:aws:ec2:*:*:network-interface/*, false",
    "a?c, a?c, true",
    "abc, a?c, false",
    "a*c, a?c, true",
    "a*c, abc, true",
  })
  void coversTreatsTheSubjectsWildcardsAsWildcards(String pattern, String subject, boolean expected) {
    assertTrue(WildcardMatcher.covers(pattern, subject, false) == expected);
  }

  @ParameterizedTest(name = "{0} overlaps {1} = {2}")
  @CsvSource({
    "*, arn:aws:s3:::x, true",
    "arn:aws:s3:::a*, arn:aws:s3:::*b, true",
    "arn:aws:s3:::a*, arn:aws:s3:::b*, false",
    "a?c, *c, true",
    "a?c, ab, false",
    "abc, abc, true",
    "abc, abd, false",
    "'', *, true",
    "'', ?, false",
    "x*y*z, *q*, true",
    "x?, ?y, true",
  })
  void overlapsWhenSomeStringMatchesBoth(String a, String b, boolean expected) {
    assertTrue(WildcardMatcher.overlaps(a, b, false) == expected);
    assertTrue(WildcardMatcher.overlaps(b, a, false) == expected);
  }

  @Test
  void overlapIgnoresCaseForActions() {
    assertTrue(WildcardMatcher.overlaps("EC2:Describe*", "ec2:describeinstances", true));
    assertFalse(WildcardMatcher.overlaps("EC2:Describe*", "ec2:describeinstances", false));
  }

  @Test
  void pathologicalPatternsFinishFast() {
    String pattern = "a*".repeat(2_000) + "b";
    String value = "a".repeat(20_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertFalse(WildcardMatcher.matches(pattern, value, false));
          assertFalse(WildcardMatcher.matches(pattern, value, true));
          assertFalse(WildcardMatcher.covers(pattern, value, false));
          assertTrue(WildcardMatcher.matches(pattern, value + "b", false));
        });
  }
}

package dev.polygraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsInsertionsDeletionsAndSubstitutionsIgnoringCase() {
    assertEquals(0, EditDistance.between("ec2:DescribeInstances", "EC2:describeinstances"));
    assertEquals(1, EditDistance.between("ec2:DescribeInstance", "ec2:DescribeInstances"));
    assertEquals(1, EditDistance.between("iam:PassRoles", "iam:PassRole"));
    assertEquals(1, EditDistance.between("ecr:BatchGetImgae", "ecr:BatchGetImage")); // a swap is one edit
    assertEquals(2, EditDistance.between("eks:Get", "eks:Act"));
    assertEquals(3, EditDistance.between("kitten", "sitting"));
    assertEquals(4, EditDistance.between("", "abcd"));
  }

  @Test
  void aSlipIsSmallForTheLengthButNotNothing() {
    assertFalse(EditDistance.isSlip(0, 10));
    assertTrue(EditDistance.isSlip(1, 3));
    assertFalse(EditDistance.isSlip(2, 3)); // "Get" is no slip of "Act"
    assertTrue(EditDistance.isSlip(2, 6));
    assertFalse(EditDistance.isSlip(3, 8));
    assertTrue(EditDistance.isSlip(4, 12));
    assertFalse(EditDistance.isSlip(5, 12));
  }
}

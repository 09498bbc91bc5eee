package dev.polygraph.load.tf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.load.tf.Render;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TfFunctionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', textBlock = """
      jsonencode({b = [1, true, null], a = "x\\"y"}) ¦ "{"a":"x\\"y","b":["1","true",null]}"
      jsonencode({Resource = aws_iam_role.node.arn}) ¦ "{"Resource":"${aws_iam_role.node.arn}"}"
      jsonencode(var.account) ¦ ?(variable 'account' has no value)
      jsondecode("{\\"a\\": [1, \\"b\\"]}") ¦ {a=["1", "b"]}
      jsondecode("{\\"a\\": ") ¦ ?(not valid JSON: Unexpected end of input: the object is not closed at line 1 column 7)
      format("%s-%d-%05.2f-%t-%%-%q-%v", "a", 42, 3.14159, true, "q\\"", 7) ¦ "a-42-03.14-true-%-"q\\""-7"
      format("%-4s|%4s|", "ab", "cd") ¦ "ab  |  cd|"
      format("arn:%s:iam::%s:role/x", "aws", var.account) ¦ "arn:aws:iam::${opaque var.account: variable 'account' has no value}:role/x"
      format("arn:%s:iam::aws:policy/%s", var.account, "X") ¦ "arn:${opaque var.account: variable 'account' has no value}:iam::aws:policy/X"
      format("%5s", var.account) ¦ ?(variable 'account' has no value)
      concat(["a", "b"], var.account) ¦ ["a", "b", ?(variable 'account' has no value)]
      concat(var.account, var.account) ¦ ?(variable 'account' has no value)
      length(concat(["a"], var.account)) ¦ ?(variable 'account' has no value)
      toset(concat(["b", "a"], var.account)) ¦ ["a", "b", ?(variable 'account' has no value)]
      distinct(["a", var.account, "a"]) ¦ ["a", ?(variable 'account' has no value)]
      compact(["a", var.account, ""]) ¦ ["a", ?(variable 'account' has no value)]
      flatten([["a"], var.account, ["b"]]) ¦ ["a", "b", ?(variable 'account' has no value)]
      sort(["b", var.account, "a"]) ¦ ["a", "b", ?(variable 'account' has no value)]
      sort(var.create ? var.list : ["filler"]) ¦ ([var.create]: ["a", "b"] | ![var.create]: ["filler"])
      sort([var.create ? "x" : "y", "a"]) ¦ ["a", ?(an element depends on conditions)]
      setunion(["a"], var.account) ¦ ["a", ?(variable 'account' has no value)]
      merge({a = 1}, var.account) ¦ {a="1", …=?(variable 'account' has no value)}
      keys(merge({b = 1, a = 2}, var.account)) ¦ ["a", "b", ?(variable 'account' has no value)]
      values(merge({a = 2}, var.account)) ¦ ["2", ?(variable 'account' has no value)]
      lookup(merge({a = 1}, var.account), "a") ¦ "1"
      lookup(merge({a = 1}, var.account), "z", "d") ¦ ?(whether the map has the key "z" is not known: variable 'account' has no value)
      contains(concat(["a"], var.account), "a") ¦ "true"
      contains(concat(["a"], var.account), "z") ¦ ?(cannot tell whether the list contains the value)
      join(",", concat(["a", "b"], var.account)) ¦ "a,b${opaque concat(["a", "b"], var.account)[*]: variable 'account' has no value}"
      join(var.account, ["a"]) ¦ ?(variable 'account' has no value)
      [for s in concat(["a"], var.account) : upper(s)] ¦ ["A", ?(variable 'account' has no value)]
      {for s in concat(["a"], var.account) : s => s} ¦ {a="a", …=?(variable 'account' has no value)}
      concat(["a"], var.account)[0] ¦ "a"
      concat(["a"], var.account)[1] ¦ ?(the element concat(["a"], var.account)[1] is not known: variable 'account' has no value)
      merge({a = 1}, var.account).a ¦ "1"
      format("role/%s", aws_iam_role.node.arn) ¦ "role/${aws_iam_role.node.arn}"
      format("%d", "x") ¦ ?(%d needs a number, not 'x')
      format("%s %s", "a") ¦ ?(not enough arguments for format string "%s %s")
      format("%s", "a", "b") ¦ ?(too many arguments for format string "%s": 2 given, 1 used)
      formatlist("%s=%s", ["a", "b"], "v") ¦ ["a=v", "b=v"]
      join(",", ["a", aws_iam_role.node.arn]) ¦ "a,${aws_iam_role.node.arn}"
      join("-", ["a"], ["b", "c"]) ¦ "a-b-c"
      split(",", "a,b,,c") ¦ ["a", "b", "", "c"]
      split(":", "arn:${aws_iam_role.node.arn}:x") ¦ ["arn", "${aws_iam_role.node.arn}", "x"]
      concat(["a"], [], ["b", "c"]) ¦ ["a", "b", "c"]
      concat(["a"], var.create ? ["b"] : []) ¦ ([var.create]: ["a", "b"] | ![var.create]: ["a"])
      merge({a = 1, b = 2}, {b = 3}, null) ¦ {a="1", b="3"}
      toset(["b", "a", "b"]) ¦ ["a", "b"]
      tolist(["x"]) ¦ ["x"]
      tomap({a = 1}) ¦ {a="1"}
      lookup({a = 1}, "a") ¦ "1"
      lookup({a = 1}, "z", "d") ¦ "d"
      lookup({a = 1}, "z") ¦ ?(the map has no key "z")
      element(["a", "b"], 3) ¦ "b"
      element([], 0) ¦ ?(cannot use element() with an empty list)
      try(var.m.zzz, "fallback") ¦ "fallback"
      try(var.account, "fallback") ¦ ?(variable 'account' has no value)
      try(var.m.zzz, var.list[9]) ¦ ?(no argument of try() could be evaluated: index 9 is out of range for var.list of 2 elements)
      can(var.m.zzz) ¦ "false"
      can(var.m.a) ¦ "true"
      can(var.account) ¦ ?(variable 'account' has no value)
      coalesce(null, "", "x", "y") ¦ "x"
      coalesce(null, "") ¦ ?(no non-null, non-empty argument to coalesce())
      coalescelist([], ["a"]) ¦ ["a"]
      compact(["a", "", null, "b"]) ¦ ["a", "b"]
      distinct(["a", "b", "a"]) ¦ ["a", "b"]
      flatten([["a", ["b"]], [], "c"]) ¦ ["a", "b", "c"]
      keys({b = 1, a = 2}) ¦ ["a", "b"]
      values({b = 1, a = 2}) ¦ ["2", "1"]
      length(["a", var.account]) ¦ "2"
      length({a = 1}) ¦ "1"
      length("héllo") ¦ "5"
      length(aws_iam_role.node.arn) ¦ ?(argument 1 of length() '${aws_iam_role.node.arn}' is not fully known)
      contains(["a", "b"], "b") ¦ "true"
      contains(["a"], "z") ¦ "false"
      replace("a-b-c", "-", "_") ¦ "a_b_c"
      replace("v1.2.3", "/v(\\\\d+)\\\\..*/", "$1") ¦ "1"
      replace("arn:${aws_iam_role.node.arn}/x", "/", "|") ¦ "arn:${aws_iam_role.node.arn}|x"
      replace("a${aws_iam_role.node.arn}b", "ab", "x") ¦ ?(replace() of 'ab' in 'a${aws_iam_role.node.arn}b' depends on its unknown parts)
      replace("a${aws_iam_role.node.arn}b", "ba", "x") ¦ "a${aws_iam_role.node.arn}b"
      lower("AbC") ¦ "abc"
      upper("abc") ¦ "ABC"
      title("hello world-x") ¦ "Hello World-X"
      trimprefix("arn:aws:x", "arn:") ¦ "aws:x"
      trimsuffix("policy.json", ".json") ¦ "policy"
      trimprefix("arn:${aws_iam_role.node.arn}", "arn:") ¦ "${aws_iam_role.node.arn}"
      trimspace("  a b \\n") ¦ "a b"
      trim("?!a?!", "!?") ¦ "a"
      startswith("arn:${aws_iam_role.node.arn}", "arn:") ¦ "true"
      startswith("xyz:${aws_iam_role.node.arn}", "arn:") ¦ "false"
      startswith("${aws_iam_role.node.arn}", "arn:") ¦ ?(whether '${aws_iam_role.node.arn}' starts with 'arn:' is not known)
      endswith("a.json", ".json") ¦ "true"
      setproduct(["a", "b"], ["1"]) ¦ [["a", "1"], ["b", "1"]]
      zipmap(["a", "b"], [1, 2]) ¦ {a="1", b="2"}
      zipmap(["a"], []) ¦ ?(zipmap() needs lists of the same length, got 1 keys and 0 values)
      basename("policies/node.json") ¦ "node.json"
      dirname("policies/node.json") ¦ "policies"
      abspath("x/y") ¦ "x/y"
      tostring(1) ¦ "1"
      tostring([]) ¦ ?(cannot convert a list to a string)
      tonumber("1.50") ¦ "1.5"
      tonumber("x") ¦ ?('x' is not a number)
      tobool("true") ¦ "true"
      one([]) ¦ null
      one(["a"]) ¦ "a"
      one(["a", "b"]) ¦ ?(one() needs a list of at most one element, got 2)
      sort(["b", "a", "c"]) ¦ ["a", "b", "c"]
      reverse(["a", "b"]) ¦ ["b", "a"]
      slice(["a", "b", "c"], 1, 3) ¦ ["b", "c"]
      slice(["a"], 0, 3) ¦ ?(slice(0, 3) is out of range for a list of 1)
      index(["a", "b"], "b") ¦ "1"
      range(3) ¦ ["0", "1", "2"]
      range(1, 7, 2) ¦ ["1", "3", "5"]
      range(3, 0) ¦ ["3", "2", "1"]
      substr("hello", 1, 3) ¦ "ell"
      substr("hello", -3, -1) ¦ "llo"
      max(1, 5, 3) ¦ "5"
      min(4, -2) ¦ "-2"
      sum([1, 2.5]) ¦ "3.5"
      alltrue([true, true]) ¦ "true"
      anytrue([false, var.create]) ¦ ?(an element of the list is not known)
      anytrue([var.create, true]) ¦ "true"
      chunklist(["a", "b", "c"], 2) ¦ [["a", "b"], ["c"]]
      base64encode("hi") ¦ "aGk="
      base64decode("aGk=") ¦ "hi"
      base64decode("!!") ¦ ?(base64decode() needs base64 of UTF-8 text)
      sha256("x") ¦ ?(function 'sha256' is not computed by polygraph)
      uuid() ¦ ?(function 'uuid' is not computed by polygraph)
      nonsensitive(aws_iam_role.node.arn) ¦ "${aws_iam_role.node.arn}"
      slice(aws_iam_role.node.arn, 0, 1) ¦ ?('aws_iam_role.node.arn' is computed when Terraform runs)
      try(slice(aws_iam_role.node.arn, 0, 1), ["fallback"]) ¦ ?('aws_iam_role.node.arn' is computed when Terraform runs)
      sensitive(concat(["a"], ["b"])) ¦ ["a", "b"]
      sensitive("a", "b") ¦ ?(function 'sensitive' takes 1 argument, got 2)
      timestamp() ¦ ?(function 'timestamp' is not computed by polygraph)
      nosuchfunction(1) ¦ ?(function 'nosuchfunction' is not supported by polygraph)
      length() ¦ ?(function 'length' takes 1 argument, got 0)
      upper(["a"]) ¦ ?(argument 1 of upper() must be a string, not a list)
      concat(["a"], "b") ¦ ?(argument 2 of concat() must be a list, not 'b')
      concat([["a"], ["b"]]...) ¦ ["a", "b"]
      file("missing.json") ¦ ?(file 'missing.json' cannot be read)
      """)
  void computes(String expression, String expected) {
    assertEquals(expected, Render.of(TfEvaluatorTest.eval(expression)));
  }
}

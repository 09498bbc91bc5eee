package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.TfFunction.VARIADIC;

import dev.polygraph.load.tf.eval.TfFunction.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every Terraform function polygraph knows, in one table: name, arity, how the arguments reach it
 * and what computes it. A function not listed here is unknown with "not supported by polygraph".
 */
final class Functions {

  private static final List<TfFunction> ALL = List.of(
      // Strings
      partial("format", 1, VARIADIC, StringFunctions::format),
      values("formatlist", 1, VARIADIC, StringFunctions::formatlist),
      partial("join", 2, VARIADIC, StringFunctions::join),
      values("split", 2, 2, StringFunctions::split),
      values("replace", 3, 3, StringFunctions::replace),
      values("lower", 1, 1, StringFunctions::lower),
      values("upper", 1, 1, StringFunctions::upper),
      values("title", 1, 1, StringFunctions::title),
      values("strrev", 1, 1, StringFunctions::strrev),
      values("trimprefix", 2, 2, StringFunctions::trimprefix),
      values("trimsuffix", 2, 2, StringFunctions::trimsuffix),
      values("trimspace", 1, 1, StringFunctions::trimspace),
      values("trim", 2, 2, StringFunctions::trim),
      values("startswith", 2, 2, StringFunctions::startswith),
      values("endswith", 2, 2, StringFunctions::endswith),
      values("substr", 3, 3, StringFunctions::substr),
      values("tostring", 1, 1, StringFunctions::tostring),
      values("basename", 1, 1, StringFunctions::basename),
      values("dirname", 1, 1, StringFunctions::dirname),
      values("abspath", 1, 1, StringFunctions::abspath),
      // Collections and sets
      partial("concat", 0, VARIADIC, CollectionFunctions::concat),
      partial("merge", 0, VARIADIC, CollectionFunctions::merge),
      partial("toset", 1, 1, CollectionFunctions::toset),
      partial("tolist", 1, 1, CollectionFunctions::tolist),
      partial("tomap", 1, 1, CollectionFunctions::tomap),
      partial("lookup", 2, 3, CollectionFunctions::lookup),
      values("element", 2, 2, CollectionFunctions::element),
      values("coalesce", 1, VARIADIC, CollectionFunctions::coalesce),
      values("coalescelist", 1, VARIADIC, CollectionFunctions::coalescelist),
      partial("compact", 1, 1, CollectionFunctions::compact),
      partial("distinct", 1, 1, CollectionFunctions::distinct),
      partial("flatten", 1, 1, CollectionFunctions::flatten),
      partial("keys", 1, 1, CollectionFunctions::keys),
      partial("values", 1, 1, CollectionFunctions::values),
      values("length", 1, 1, CollectionFunctions::length),
      partial("contains", 2, 2, CollectionFunctions::contains),
      values("one", 1, 1, CollectionFunctions::one),
      partial("sort", 1, 1, CollectionFunctions::sort),
      values("reverse", 1, 1, CollectionFunctions::reverse),
      values("slice", 3, 3, CollectionFunctions::slice),
      values("index", 2, 2, CollectionFunctions::index),
      values("range", 1, 3, CollectionFunctions::range),
      values("chunklist", 2, 2, CollectionFunctions::chunklist),
      values("zipmap", 2, 2, CollectionFunctions::zipmap),
      values("alltrue", 1, 1, CollectionFunctions::alltrue),
      values("anytrue", 1, 1, CollectionFunctions::anytrue),
      values("setproduct", 2, VARIADIC, CollectionFunctions::setproduct),
      partial("setunion", 1, VARIADIC, CollectionFunctions::setunion),
      values("setintersection", 1, VARIADIC, CollectionFunctions::setintersection),
      values("setsubtract", 2, 2, CollectionFunctions::setsubtract),
      // Numbers and conversions
      values("max", 1, VARIADIC, NumberFunctions::max),
      values("min", 1, VARIADIC, NumberFunctions::min),
      values("sum", 1, 1, NumberFunctions::sum),
      values("abs", 1, 1, NumberFunctions::abs),
      values("ceil", 1, 1, NumberFunctions::ceil),
      values("floor", 1, 1, NumberFunctions::floor),
      values("signum", 1, 1, NumberFunctions::signum),
      values("tonumber", 1, 1, NumberFunctions::tonumber),
      values("tobool", 1, 1, NumberFunctions::tobool),
      // Encoding and files
      values("jsonencode", 1, 1, EncodingFunctions::jsonencode),
      values("jsondecode", 1, 1, EncodingFunctions::jsondecode),
      values("base64encode", 1, 1, EncodingFunctions::base64encode),
      values("base64decode", 1, 1, EncodingFunctions::base64decode),
      values("file", 1, 1, EncodingFunctions::file),
      values("templatefile", 2, 2, EncodingFunctions::templatefile),
      // On expressions
      expressions("try", 1, VARIADIC, TfFunctions::tryCall),
      expressions("can", 1, 1, TfFunctions::canCall),
      expressions("sensitive", 1, 1, TfFunctions::sameValue),
      expressions("nonsensitive", 1, 1, TfFunctions::sameValue),
      // Time, randomness and hashes
      notComputed("sha1", 1, 1),
      notComputed("sha256", 1, 1),
      notComputed("sha512", 1, 1),
      notComputed("md5", 1, 1),
      notComputed("base64sha256", 1, 1),
      notComputed("base64sha512", 1, 1),
      notComputed("filemd5", 1, 1),
      notComputed("filesha1", 1, 1),
      notComputed("filesha256", 1, 1),
      notComputed("filesha512", 1, 1),
      notComputed("filebase64sha256", 1, 1),
      notComputed("filebase64sha512", 1, 1),
      notComputed("bcrypt", 1, 2),
      notComputed("uuid", 0, 0),
      notComputed("uuidv5", 2, 2),
      notComputed("timestamp", 0, 0),
      notComputed("plantimestamp", 0, 0));

  private static final Map<String, TfFunction> BY_NAME = index();

  private Functions() {}

  static Optional<TfFunction> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The table, by name. */
  static Collection<TfFunction> all() {
    return BY_NAME.values();
  }

  private static Map<String, TfFunction> index() {
    Map<String, TfFunction> byName = new TreeMap<>();
    for (TfFunction f : ALL) {
      if (byName.put(f.name(), f) != null) {
        throw new IllegalStateException("function '" + f.name() + "' is listed twice");
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  private static TfFunction values(String name, int min, int max, TfFunction.Body body) {
    return new TfFunction(name, min, max, Kind.VALUES, body, null);
  }

  private static TfFunction partial(String name, int min, int max, TfFunction.Body body) {
    return new TfFunction(name, min, max, Kind.PARTIAL, body, null);
  }

  private static TfFunction expressions(String name, int min, int max, TfFunction.OnExpressions body) {
    return new TfFunction(name, min, max, Kind.EXPRESSIONS, null, body);
  }

  private static TfFunction notComputed(String name, int min, int max) {
    return new TfFunction(name, min, max, Kind.NOT_COMPUTED, null, null);
  }
}

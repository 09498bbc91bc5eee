package dev.polygraph.load.tf.eval;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * Where the references of one module instance's expressions are looked up: {@code var}, {@code
 * local}, {@code module}, {@code data}, {@code path}, {@code terraform} and resource types. Names
 * bound by the evaluator itself ({@code for} variables, {@code each}, {@code count}, dynamic-block
 * iterators) are looked up before the scope.
 */
public interface TfScope {

  /**
   * The value of {@code root.steps...}, having used as many steps as the scope needs (at least
   * those that name the thing: {@code var.x} uses one, {@code aws_iam_role.node.arn} two or three).
   *
   * @return null when {@code root} is no name this scope knows
   */
  TfResolved resolve(String root, List<TfStep> steps, Span span);

  /**
   * The file a {@code file()} or {@code templatefile()} path names; relative paths are taken from
   * the root module's directory, as Terraform does. Empty when it is not readable.
   */
  Optional<SourceFile> file(String path);

  /**
   * How guard names are qualified in this module instance: "" in a root module, {@code
   * "module.nodes."} inside that call, so equal conditions in different instances stay apart.
   */
  String guardPrefix();
}

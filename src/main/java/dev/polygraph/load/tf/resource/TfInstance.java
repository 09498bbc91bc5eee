package dev.polygraph.load.tf.resource;

import dev.polygraph.graph.NodeId;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;

/**
 * One instance of a {@code resource} or {@code data} block, ready to be read: a block with {@code
 * count = 2} has two, with {@code for_each} one per key.
 *
 * @param type the resource type, e.g. {@code aws_iam_role}
 * @param data whether it is a {@code data} block
 * @param id the file holding the block and the instance's address, e.g. {@code
 *     module.nodes.aws_iam_role.this["default"]}
 * @param span the block's header: from its type keyword to its last label
 * @param guard when the instance exists ({@code count = var.create ? 1 : 0} with {@code var.create}
 *     unknown)
 * @param block the block as written
 * @param evaluator evaluates the block's expressions, with {@code each}/{@code count} bound
 */
public record TfInstance(
    String type, boolean data, NodeId id, Span span, Guard guard, Block block, TfEvaluator evaluator) {}

package dev.polygraph.value;

/** Something a string stands for that the source does not fix: a pseudo parameter or a resource attribute. */
public sealed interface Symbol permits Symbol.Pseudo, Symbol.ResourceAttr, Symbol.Opaque {

  String display();

  /** Deployment facts: partition, DNS suffix, account, region, stack name. */
  enum PseudoKind {
    PARTITION("AWS::Partition"),
    URL_SUFFIX("AWS::URLSuffix"),
    ACCOUNT_ID("AWS::AccountId"),
    REGION("AWS::Region"),
    STACK_NAME("AWS::StackName"),
    STACK_ID("AWS::StackId"),
    NOTIFICATION_ARNS("AWS::NotificationARNs");

    private final String cfnName;

    PseudoKind(String cfnName) {
      this.cfnName = cfnName;
    }

    public String cfnName() {
      return cfnName;
    }
  }

  record Pseudo(PseudoKind kind) implements Symbol {
    @Override
    public String display() {
      return "${" + kind.cfnName() + "}";
    }
  }

  /**
   * An attribute of a resource in the scan: {@code !GetAtt NodeRole.Arn} is (file, "NodeRole",
   * "Arn"); {@code !Ref NodeRole} has attribute "Ref". This is what links the graph.
   *
   * @param file the file that defines the resource (relative path, as in spans)
   * @param address the resource's address in that file (logical ID, Terraform address)
   */
  record ResourceAttr(String file, String address, String attribute) implements Symbol {
    @Override
    public String display() {
      return "${" + address + "." + attribute + "}";
    }
  }

  /** A part of a string whose value is unknown, with the reason (a parameter without default). */
  record Opaque(String name, String reason) implements Symbol {
    @Override
    public String display() {
      return "${" + name + "}";
    }
  }
}

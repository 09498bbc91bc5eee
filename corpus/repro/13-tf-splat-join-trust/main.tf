# cloudposse's node role: everything exists when the module is enabled, which this configuration
# does not know; the trust policy is read back with a splat and join().
variable "enabled" {
  type = bool
}

locals {
  create_role = var.enabled
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "assume_role" {
  count = local.create_role ? 1 : 0

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "default" {
  count              = local.create_role ? 1 : 0
  name               = "eks-workers"
  assume_role_policy = join("", data.aws_iam_policy_document.assume_role[*].json)
}

resource "aws_iam_role_policy_attachment" "default" {
  for_each = local.create_role ? toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"]) : toset([])

  role       = join("", aws_iam_role.default[*].name)
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"
}

resource "aws_eks_node_group" "default" {
  count           = local.create_role ? 1 : 0
  cluster_name    = "workers"
  node_group_name = "default"
  node_role_arn   = join("", aws_iam_role.default[*].arn)
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

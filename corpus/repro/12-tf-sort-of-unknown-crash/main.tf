# A node group module in cloudposse's style: the subnets are sorted so that their order does not
# replace the node group, and a filler stands in when the module is disabled.
variable "enabled" {
  type = bool
}

variable "subnet_ids" {
  type = list(string)
}

data "aws_partition" "current" {}

resource "aws_iam_role" "node" {
  name = "eks-nodes"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"])

  role       = aws_iam_role.node.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"
}

locals {
  ng = {
    node_role_arn = aws_iam_role.node.arn
    subnet_ids    = sort(var.enabled ? var.subnet_ids : ["filler_string_for_enabled_is_false"])
  }
}

resource "aws_eks_node_group" "this" {
  cluster_name    = "workers"
  node_group_name = "default"
  node_role_arn   = local.ng.node_role_arn
  subnet_ids      = local.ng.subnet_ids

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

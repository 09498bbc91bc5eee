# The EKS workshop's resiliency lab: the role AWS FIS runs its EKS experiments with. It attaches
# AmazonEKSWorkerNodePolicy for the describe calls of FIS's node actions; no node runs as it.
variable "eks_oidc_provider_arn" {
  type = string
}

data "aws_partition" "current" {}

resource "aws_iam_role" "fis_role" {
  name = "eks-workshop-fis-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = ["fis.amazonaws.com"] }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Allow"
        Principal = { Federated = var.eks_oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
      },
      {
        Effect    = "Allow"
        Principal = { Service = "ssm.amazonaws.com" }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "fis_eks_access" {
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSFaultInjectionSimulatorEKSAccess"
  role       = aws_iam_role.fis_role.name
}

resource "aws_iam_role_policy_attachment" "fis_node_policy" {
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy"
  role       = aws_iam_role.fis_role.name
}

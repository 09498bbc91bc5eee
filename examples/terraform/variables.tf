variable "cluster_name" {
  type    = string
  default = "demo"
}

variable "ip_family" {
  description = "The cluster's IP family: ipv4 or ipv6."
  type        = string
  default     = "ipv6"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

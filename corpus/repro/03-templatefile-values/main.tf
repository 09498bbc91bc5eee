variable "image_repository" {
  type = string
}

variable "istio_enabled" {
  type    = bool
  default = false
}

resource "helm_release" "ui" {
  name  = "ui"
  chart = "oci://public.ecr.aws/aws-containers/retail-store-sample-ui-chart"

  values = [
    templatefile("${path.module}/values/ui.yaml", {
      image_repository = var.image_repository
      image_tag        = "1.0.0"
      istio_enabled    = var.istio_enabled
    })
  ]
}

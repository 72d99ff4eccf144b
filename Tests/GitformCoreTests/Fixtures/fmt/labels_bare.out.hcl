resource "user_token" "ci" {
  name = "ci"
}
data "project" "this" {}
variable "already" {}
block "a" "b" "c" {
}

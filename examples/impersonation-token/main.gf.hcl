# The Terraform provider's gitlab_user_impersonation_token example: an impersonation token of a
# user, made by an administrator. Every change of it replaces the token.

variable "username" {
  type    = string
  default = "alice"
}

data "user" "target" {
  username = var.username
}

resource "impersonation_token" "this" {
  user_id    = data.user.target.id
  name       = "token_name"
  scopes     = ["api"]
  expires_at = "2026-12-01"
}

# The Terraform provider's gitlab_personal_access_token example in gitform's language:
# a personal access token of a user (administrators only) stored in a project variable.

variable "username" {
  type    = string
  default = "alice"
}

data "user" "owner" {
  username = var.username
}

resource "user_token" "example" {
  user_id    = data.user.owner.id
  name       = "Example personal access token"
  expires_at = "2026-12-01"
  scopes     = ["api"]
}

resource "project_variable" "example" {
  project = "team/app"
  key     = "pat"
  value   = user_token.example.token
}

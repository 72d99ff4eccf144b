# Scheduled rotation: tokens that renew themselves before they expire, run by a GitLab CI
# schedule (see .gitlab-ci.yml next to this file).
#
# With rotation_configuration a token lives expiration_days from its creation (or last
# rotation). Once today reaches expires_at - rotate_before_days, the next plan rotates it in
# place: GitLab revokes the old value and issues a new one with the same name, scopes and bot
# user, and gitform updates the CI/CD variables that carry it in the same apply.
#
#   gitform expiry -within=14   # what expires or rotates in the next two weeks (exit 2 if any)
#   gitform apply -auto-approve # rotates whatever is due

variable "project" {
  description = "The project whose pipelines use the tokens, by full path or id."
  type        = string
  default     = "team/app"
}

variable "owner" {
  description = "The user whose personal access token the release job uses."
  type        = string
  default     = "alice"
}

data "user" "owner" {
  username = var.owner
}

# A deploy token that lives 30 days and is renewed a week before it expires. The Terraform
# provider's spelling (a nested attribute); the block form below works as well.
resource "project_token" "deploy" {
  project                = var.project
  name                   = "deploy"
  scopes                 = ["read_repository", "read_registry"]
  access_level           = "developer"
  rotation_configuration = { expiration_days = 30, rotate_before_days = 7 }
}

resource "project_variable" "deploy_token" {
  project = var.project
  key     = "DEPLOY_TOKEN"
  value   = project_token.deploy.token
  masked  = true
}

# A personal access token for releases: 90 days, renewed two weeks before expiry. The
# self_rotate scope lets it rotate with its own value, as the Terraform provider does.
resource "user_token" "release" {
  user_id = data.user.owner.id
  name    = "release"
  scopes  = ["api", "self_rotate"]

  rotation_configuration {
    expiration_days    = 90
    rotate_before_days = 14
  }
}

resource "project_variable" "release_token" {
  project = var.project
  key     = "RELEASE_TOKEN"
  value   = user_token.release.token
  masked  = true
}

output "deploy_token_expires_at" {
  value = project_token.deploy.expires_at
}

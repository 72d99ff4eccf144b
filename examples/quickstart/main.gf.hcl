# The quick start's configuration: a CI bot user's personal access token, a project access
# token for deployments, and the CI/CD variable that carries it.

variable "project" {
  type        = string
  description = "Full path of the project the deploy token belongs to."
  default     = "platform/deployer"
}

data "user" "ci_bot" {
  username = "ci-bot"
}

resource "user_token" "ci_bot" {
  user_id = data.user.ci_bot.id
  name    = "ci-bot-api"
  scopes  = ["api", "read_repository"]

  rotation_configuration {
    expiration_days    = 30
    rotate_before_days = 7
  }
}

resource "project_token" "deploy" {
  project      = var.project
  name         = "deploy"
  scopes       = ["read_registry", "write_registry"]
  access_level = "maintainer"
  expires_at   = "2027-06-30"
}

resource "project_variable" "deploy_token" {
  project   = var.project
  key       = "DEPLOY_TOKEN"
  value     = project_token.deploy.token
  masked    = true
  protected = true
}

output "deploy_token_id" {
  value = project_token.deploy.id
}

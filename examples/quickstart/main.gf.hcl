# Quickstart: a project access token for deployments, and the CI/CD variable that carries it.
#
#   export GITLAB_BASE_URL=https://gitlab.example.com GITLAB_TOKEN=glpat-...
#   gitform plan
#   gitform apply

variable "project" {
  description = "The project that deploys, by full path or id."
  type        = string
  default     = "team/app"
}

resource "project_token" "deploy" {
  project      = var.project
  name         = "deploy"
  scopes       = ["read_repository", "read_registry"]
  access_level = "developer"
  expires_at   = "2026-12-01"
}

# The variable is updated before the old token is revoked whenever the token is replaced.
resource "project_variable" "deploy_token" {
  project = var.project
  key     = "DEPLOY_TOKEN"
  value   = project_token.deploy.token
  masked  = true
}

output "deploy_token_id" {
  value = project_token.deploy.id
}

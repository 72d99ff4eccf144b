# A project's deploy token and the masked CI/CD variable that carries it.

variable "project" {
  description = "The project's path or id."
  type        = string
}

variable "access_level" {
  type    = string
  default = "developer"
}

variable "scopes" {
  type    = list(string)
  default = ["read_repository"]
}

variable "expires_at" {
  type = string
}

variable "variable_key" {
  type    = string
  default = "DEPLOY_TOKEN"
}

resource "project_token" "deploy" {
  project      = var.project
  name         = "deploy"
  access_level = var.access_level
  scopes       = var.scopes
  expires_at   = var.expires_at
}

resource "project_variable" "deploy_token" {
  project   = var.project
  key       = var.variable_key
  value     = project_token.deploy.token
  masked    = true
  protected = true
}

output "token_id" {
  value = project_token.deploy.id
}

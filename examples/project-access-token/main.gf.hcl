# The Terraform provider's gitlab_project_access_token example: a reporter token of a project,
# carried by a variable of the same project. The project is given by path here; spelling it by
# id instead would name the same project and change nothing.

data "project" "example" {
  path = "team/app"
}

resource "project_token" "example" {
  project      = data.project.example.path
  name         = "Example project access token"
  expires_at   = "2026-12-01"
  access_level = "reporter"
  scopes       = ["api"]
}

resource "project_variable" "example" {
  project = data.project.example.path
  key     = "pat"
  value   = project_token.example.token
}

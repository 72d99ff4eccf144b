resource "project_token" "deploy" {
  project = "group/project"
  name = "deploy"
  lifecycle {
    create_before_destroy = true
  }
  access_level = "maintainer"
  scopes = ["read_repository"]
  rotation { days = 30 }
  expires = "2026-01-01"
}

# The merge-request workflow on GitLab-managed state: the deploy token of team/app, rotated
# every 30 days, reviewed in merge requests and applied on merge by .gitlab-ci.yml. The state
# lives in GitLab (the runner's disk dies with each job); in CI, project and credentials
# default to the pipeline's CI_PROJECT_ID and tokens.

gitform {
  backend "gitlab" {
    project = "team/app"
    name    = "production"
  }
}

resource "project_token" "deploy" {
  project      = "team/app"
  name         = "deploy"
  access_level = "developer"
  scopes       = ["read_registry", "read_repository"]

  rotation_configuration = {
    expiration_days    = 60
    rotate_before_days = 30
  }
}

resource "project_variable" "deploy_token" {
  project = "team/app"
  key     = "DEPLOY_TOKEN"
  value   = project_token.deploy.token
  masked  = true
}

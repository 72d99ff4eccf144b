# One deploy token per project, each carried by a CI/CD variable of its project: the pair is
# written once, in ./modules/project-deploy, and called for every project of the map with
# for_each. Adding a project is one line; its resources are addressed as
# module.project["app"].project_token.deploy.

variable "projects" {
  description = "Projects that get a deploy token, by short name."
  type = map(object({
    path         = string
    access_level = optional(string, "developer")
    scopes       = optional(list(string), ["read_repository", "read_registry"])
  }))
  default = {
    app = {
      path = "team/app"
    }
    deployer = {
      path         = "platform/deployer"
      access_level = "maintainer"
    }
  }
}

module "project" {
  source   = "./modules/project-deploy"
  for_each = var.projects

  project      = each.value.path
  access_level = each.value.access_level
  scopes       = each.value.scopes
  expires_at   = "2027-06-01"
}

output "deploy_token_ids" {
  description = "Token id by project."
  value       = { for name, deploy in module.project : name => deploy.token_id }
}

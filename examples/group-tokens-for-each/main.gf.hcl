# One group access token per team, each handed to the project that uses it: for_each over a
# map, with addresses such as group_token.team["backend"].

variable "teams" {
  type = map(object({
    scopes = list(string)
    level  = string
  }))
  default = {
    backend  = { scopes = ["read_api"], level = "developer" }
    frontend = { scopes = ["read_registry"], level = "reporter" }
  }
}

resource "group_token" "team" {
  for_each     = var.teams
  group        = "team"
  name         = "${each.key}-ci"
  scopes       = each.value.scopes
  access_level = each.value.level
  expires_at   = "2026-12-01"
}

resource "project_variable" "team_token" {
  for_each = group_token.team
  project  = "team/app"
  key      = "${upper(each.key)}_TOKEN"
  value    = each.value.token
  masked   = true
}

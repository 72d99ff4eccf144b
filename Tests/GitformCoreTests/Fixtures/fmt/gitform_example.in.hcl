provider "gitlab" {
base_url = "http://127.0.0.1:8080/api/v4"
token = var.gitlab_token
}

variable "gitlab_token" {
sensitive = true
}

resource "user_token" "ci_bot" {
user_id = data.user.bot.id
name = "ci-bot"
scopes = ["api", "read_repository"]
expires_at = timeadd(plantimestamp(), "720h")
}

resource "project_variable" "ci_token" {
project = "group/app"
key = "CI_BOT_TOKEN"
value = user_token.ci_bot.token
masked = true
protected = false
}

output "token_id" {
value = user_token.ci_bot.id
}

# A bot user managed in one place: the user itself, the SSH key its deploy jobs push with, an
# extra e-mail address its notifications go to, a personal token kept fresh by rotation and a
# group variable carrying it. Needs an administrator's token.
#
# Deleting a user deletes everything it owns in GitLab — its projects, tokens and keys — so the
# user is protected with prevent_destroy: removing it from the configuration fails the plan
# until the protection is lifted on purpose.

resource "user" "deploy_bot" {
  username              = "deploy-bot"
  name                  = "Deploy Bot"
  email                 = "deploy-bot@example.com"
  force_random_password = true # nobody signs in as the bot
  projects_limit        = 0
  note                  = "Managed by gitform: examples/bot-user"

  lifecycle {
    prevent_destroy = true
  }
}

# The public half of the bot's key pair; the private half lives in the CI runner's secrets.
# GitLab cannot edit a key: a new expiry replaces it (the old key first, since GitLab keeps
# one copy of a key text).
resource "user_ssh_key" "deploy" {
  user_id    = user.deploy_bot.user_id
  title      = "deploy jobs"
  key        = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPg/IV8Q/2clgTyEsUFOZAniPdPPOpeOzjMPg5xSZvjM deploy-bot@ci"
  expires_at = "2027-06-30"
  usage_type = "auth"
}

resource "user_email" "alerts" {
  user_id           = user.deploy_bot.user_id
  email             = "deploy-alerts@example.com"
  skip_confirmation = true
}

resource "user_token" "deploy" {
  user_id = user.deploy_bot.user_id
  name    = "deploy"
  scopes  = ["api", "write_repository"]

  rotation_configuration = {
    expiration_days    = 90
    rotate_before_days = 14
  }
}

resource "group_variable" "deploy_token" {
  group  = "platform"
  key    = "DEPLOY_BOT_TOKEN"
  value  = user_token.deploy.token
  masked = true
}

output "deploy_key_fingerprint" {
  value = user_ssh_key.deploy.fingerprint_sha256
}

resource "user_token" "ci" {
  name = "ci"
  scopes = [
    "api",
    "read_api",
  ]
  expires_at = "2025-01-01"
  user_id = 1
  labels = {
    team = "infra"
  }
  x = 2
}

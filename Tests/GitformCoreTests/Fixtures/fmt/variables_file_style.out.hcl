gitlab_base_url = "https://gitlab.example.com/api/v4"
project_ids     = [1, 2, 3]
token_scopes = {
  ci     = ["read_api"]
  deploy = ["read_repository", "write_repository"]
}
expires_in_days = 30 # rotate monthly

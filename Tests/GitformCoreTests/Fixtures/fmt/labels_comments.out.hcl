resource "user_token" "ci" /* c */ {
  name = "ci"
}
locals /* no labels */ {
  x = 1
}
data "user" "bot" {}

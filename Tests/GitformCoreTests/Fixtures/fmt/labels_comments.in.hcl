resource /* a */ user_token /* b */ ci /* c */ {
  name = "ci"
}
locals /* no labels */ {
  x = 1
}
data "user" /* between */ "bot" {}

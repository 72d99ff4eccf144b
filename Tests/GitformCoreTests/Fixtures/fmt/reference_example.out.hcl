resource "gitlab_token" "ci" {
  name       = "ci"
  expires_at = "2025-01-01"
  scopes     = ["api", "read_api"]
  map        = { a = 1, bbb : 2 }
  multi = {
    x    = 1
    yyyy = 2
  }
  after_multi = true
  # comment
  z  = 1 // trailing
  zz = 2 /* inline */


  nested {
    k = "v"
  }
  tmpl   = var.x
  tmpl2  = "a-${var.x}"
  cond   = a ? b : c
  neg    = -1
  expr   = a + b * c
  idx    = foo[0].bar
  splat  = foo[*].id
  fn     = f(1, 2, 3)
  forx   = [for x in y : x if x > 1]
  forobj = { for k, v in m : k => v... }
}

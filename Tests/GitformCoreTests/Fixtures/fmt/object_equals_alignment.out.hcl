tags = {
  a            = 1
  longer       = 2
  "quoted-key" = 3
  nested = {
    x   = 1
    yyy = 2
  }
  after = 4
  z : 5
  zzzzzz : 6
}

resource "a\tb" "c\"d" {}
resource "x" "y" {}
resource "été" "z" {}

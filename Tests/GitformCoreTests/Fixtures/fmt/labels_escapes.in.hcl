resource "a\tb" "c\"d" {}
resource "x" /* dropped */ "y" {}
resource "\u00e9t\u00e9" "z" {}

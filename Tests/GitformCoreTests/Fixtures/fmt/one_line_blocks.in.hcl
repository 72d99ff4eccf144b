empty {   }
one { a=1 }
labelled "x" "y" {   b = "c"   }
nested_attr { c = { d = 1 } }

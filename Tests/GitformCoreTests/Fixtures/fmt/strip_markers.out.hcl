a = x
b = "%{~if x~}y%{~endif~}"
c = <<EOT
  ${~x~}
EOT

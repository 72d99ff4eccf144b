policy = jsonencode(<<EOT
{ "a": 1 }
EOT
)
x = templatefile("a", {
    v = <<EOT
val
EOT
})

a        = 1
text     = <<EOT
  keep   this
	tabs too   
    ${var.x}
EOT
b        = 2
indented = <<-EOT
      indented
    body
    EOT
block {
  h     = <<EOF2
x = 1
   y = 2
EOF2
  after = true
}

block {
      scripts = [
  <<-EOT
    echo ${ var.a }
  EOT
  ,
    "after",
  ]
      x = 1
}

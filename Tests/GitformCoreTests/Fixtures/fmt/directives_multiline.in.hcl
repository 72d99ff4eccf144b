a = <<EOT
%{ for x in list ~}
  ${x}
%{ endfor ~}
EOT
b = "%{if x}yes%{endif}"

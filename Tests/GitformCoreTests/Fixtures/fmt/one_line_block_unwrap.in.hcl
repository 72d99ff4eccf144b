rotation { days = "${var.days}" }
lifecycle {ignore_changes=[name]}
meta "x" { a = "${1 + 2}" }

outer "a" {
inner "b" {
deepest {
value = 1
other_value = 2
}
}
sibling {
}
}

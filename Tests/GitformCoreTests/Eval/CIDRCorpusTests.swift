import XCTest

@testable import GitformCore

/// Conformance corpus: each expression with the result `terraform console` (1.11) gives for it,
/// written the way `Value.description` writes values, or `!summary: detail` for an error.
/// The cases come from Terraform's and cty's own function tests plus edge cases; every one was
/// run through `terraform console` while written. Where gitform differs, a comment says why.
final class CIDRCorpusTests: FunctionCorpusTestCase {
  func testCIDR() {
    check([
      (
        #"cidrhost("10.0.0.0/8", 2.5)"#,
        #"!Error in function call: Call to function "cidrhost" failed: value must be a whole number."#
      ),
      (#"cidrhost("10.0.0.0/8", -1)"#, #""10.255.255.255""#),
      (
        #"cidrhost("10.0.0.0/30", 4)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 30 does not accommodate a host numbered 4."#
      ),
      (
        #"cidrhost("10.0.0.0/30", -5)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 30 does not accommodate a host numbered -1."#
      ),
      (
        #"cidrhost("10.0.0.0/30", 99999999999999999999)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 30 does not accommodate a host numbered 99999999999999999999."#
      ),
      (#"cidrsubnet("10.0.0.0/8", -1, 0)"#, #""10.0.0.0/7""#),
      (
        #"cidrsubnet("10.0.0.0/8", 1.5, 0)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (#"cidrsubnet("10.0.0.0/8", 8, -1)"#, #""0.1.0.0/16""#),
      (
        #"cidrsubnet("10.0.0.0/8", 8, 256)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: prefix extension of 8 does not accommodate a subnet numbered 256."#
      ),
      (
        #"cidrsubnet("10.0.0.0/8", 25, 0)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: insufficient address space to extend prefix of 8 by 25."#
      ),
      (
        #"cidrsubnet("10.0.0.0/8", 8, 2.5)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: value must be a whole number."#
      ),
      (#"cidrsubnet("fd00::/8", 64, 5)"#, #""fd00::500:0:0:0/72""#),
      (#"cidrsubnet("::ffff:10.0.0.0/104", 8, 5)"#, #""10.5.0.0/16""#),
      (#"cidrhost("::ffff:10.0.0.0/104", 5)"#, #""0:5::ffff:a00:0""#),
      (#"cidrnetmask("::ffff:10.0.0.0/104")"#, #""ffff:ffff:ffff:ffff:ffff:ffff:ff00:0""#),
      (
        #"cidrnetmask("fd00::/8")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: IPv6 addresses cannot have a netmask: fd00::/8."#
      ),
      (
        #"cidrnetmask("foo")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: invalid CIDR expression: invalid CIDR address: foo."#
      ),
      (#"cidrnetmask("010.1.2.3/8")"#, #""255.0.0.0""#),
      (
        #"cidrnetmask("10.1.2.3/33")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: invalid CIDR expression: invalid CIDR address: 10.1.2.3/33."#
      ),
      (
        #"cidrnetmask("10.1.2.3")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: invalid CIDR expression: invalid CIDR address: 10.1.2.3."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 0)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: must extend prefix by at least one bit."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 33)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: may not extend prefix by more than 32 bits."#
      ),
      (
        #"cidrsubnets("10.0.0.0/30", 1, 1, 1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 25)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 1.5)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (
        #"cidrsubnets("foo", 1)"#,
        #"!Invalid function argument: Invalid value for "prefix" parameter: invalid CIDR expression: invalid CIDR address: foo."#
      ),
      (#"cidrhost("10.12.112.0/20", 16)"#, #""10.12.112.16""#),
      (#"cidrhost("10.12.112.0/20", 268)"#, #""10.12.113.12""#),
      (#"cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)"#, #""fd00:fd12:3456:7890::22""#),
      (#"cidrhost("192.168.1.0/24", 5)"#, #""192.168.1.5""#),
      (#"cidrhost("192.168.1.0/24", -5)"#, #""192.168.1.251""#),
      (
        #"cidrhost("192.168.1.0/24", 256)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 24 does not accommodate a host numbered 256."#
      ),
      (
        #"cidrhost("192.168.1.0/30", 255)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 30 does not accommodate a host numbered 255."#
      ),
      (#"cidrhost("192.168.1.0/30", -3)"#, #""192.168.1.1""#),
      (#"cidrhost("192.168.1.0/32", 0)"#, #""192.168.1.0""#),
      (#"cidrhost("1.2.3.4/0", 5)"#, #""0.0.0.5""#),
      (#"cidrhost("::/64", -1)"#, #""::ffff:ffff:ffff:ffff""#),
      (#"cidrhost("fe80::/10", 1)"#, #""fe80::1""#),
      (
        #"cidrhost("not-a-cidr", 6)"#,
        #"!Error in function call: Call to function "cidrhost" failed: invalid CIDR expression: invalid CIDR address: not-a-cidr."#
      ),
      (
        #"cidrhost("10.256.0.0/8", 1)"#,
        #"!Error in function call: Call to function "cidrhost" failed: invalid CIDR expression: invalid CIDR address: 10.256.0.0/8."#
      ),
      (#"cidrhost("010.001.0.0/16", 1)"#, #""10.1.0.1""#),
      (#"cidrnetmask("172.16.0.0/12")"#, #""255.240.0.0""#),
      (#"cidrnetmask("10.0.0.0/8")"#, #""255.0.0.0""#),
      (#"cidrnetmask("10.0.0.0/32")"#, #""255.255.255.255""#),
      (#"cidrnetmask("10.0.0.0/0")"#, #""0.0.0.0""#),
      (#"cidrnetmask("1.2.3.4/25")"#, #""255.255.255.128""#),
      (#"cidrsubnet("172.16.0.0/12", 4, 2)"#, #""172.18.0.0/16""#),
      (#"cidrsubnet("10.1.2.0/24", 4, 15)"#, #""10.1.2.240/28""#),
      (#"cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)"#, #""fd00:fd12:3456:7800:a200::/72""#),
      (#"cidrsubnet("192.168.2.0/20", 4, 6)"#, #""192.168.6.0/24""#),
      (#"cidrsubnet("fe80::/48", 16, 6)"#, #""fe80:0:0:6::/64""#),
      (#"cidrsubnet("fe80::/48", 33, 6)"#, #""fe80::3:0:0:0/81""#),
      (
        #"cidrsubnet("192.168.2.0/24", 4, 16)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: prefix extension of 4 does not accommodate a subnet numbered 16."#
      ),
      (#"cidrsubnet("10.0.0.0/8", 0, 0)"#, #""10.0.0.0/8""#),
      (
        #"cidrsubnet("10.0.0.0/32", 1, 0)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: insufficient address space to extend prefix of 32 by 1."#
      ),
      (#"cidrsubnet("2001:db8::/32", 96, 1)"#, #""2001:db8::1/128""#),
      (
        #"cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)"#,
        #"tolist(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"])"#
      ),
      (
        #"cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)"#,
        #"tolist(["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"])"#
      ),
      (#"cidrsubnets("10.0.0.0/8")"#, #"tolist([])"#),
      (#"cidrsubnets("10.0.0.0/8", 8, 4)"#, #"tolist(["10.0.0.0/16", "10.16.0.0/12"])"#),
      (#"cidrsubnets("10.0.0.0/30", 1, 1)"#, #"tolist(["10.0.0.0/31", "10.0.0.2/31"])"#),
      (
        #"cidrsubnets("10.0.0.0/24", 2, 1, 1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 25 bits after 10.0.0.128/25."#
      ),
      (
        #"cidrsubnets("0.0.0.0/0", 1, 1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1."#
      ),
      (
        #"cidrsubnets("255.255.255.0/24", 1, 1, 1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 25 bits after 255.255.255.128/25."#
      ),
    ])
  }

  func testTerraformCases() {
    check([
      (#"cidrhost("192.168.1.0/24", -256)"#, #""192.168.1.0""#),
      (
        #"cidrhost("192.168.1.0/30", -255)"#,
        #"!Error in function call: Call to function "cidrhost" failed: prefix of 30 does not accommodate a host numbered -251."#
      ),
      (
        #"cidrhost("10.256.0.0/8", 0.75)"#,
        #"!Error in function call: Call to function "cidrhost" failed: value must be a whole number."#
      ),
      (#"cidrnetmask("192.168.1.0/24")"#, #""255.255.255.0""#),
      (#"cidrnetmask("192.168.1.0/32")"#, #""255.255.255.255""#),
      (#"cidrnetmask("0.0.0.0/0")"#, #""0.0.0.0""#),
      (#"cidrnetmask("010.001.0.0/24")"#, #""255.255.255.0""#),
      (
        #"cidrnetmask("110.256.0.0/8")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: invalid CIDR expression: invalid CIDR address: 110.256.0.0/8."#
      ),
      (
        #"cidrnetmask("1::/64")"#,
        #"!Error in function call: Call to function "cidrnetmask" failed: IPv6 addresses cannot have a netmask: 1::/64."#
      ),
      (#"cidrsubnet("::ffff:192.168.0.0/112", 8, 6)"#, #""192.168.6.0/24""#),
      (#"cidrsubnet("010.001.0.0/24", 4, 1)"#, #""10.1.0.16/28""#),
      (
        #"cidrsubnet("192.168.0.0/30", 4, 6)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: insufficient address space to extend prefix of 30 by 4."#
      ),
      (
        #"cidrsubnet("192.168.0.0/168", 2, 16)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: invalid CIDR expression: invalid CIDR address: 192.168.0.0/168."#
      ),
      (
        #"cidrsubnet("10.256.0.0/8", 0.6666, 0.75)"#,
        #"!Error in function call: Call to function "cidrsubnet" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (
        #"cidrsubnets("10.0.0.0/21", 3, 3, 3, 4, 4, 4, 7, 7, 7)"#,
        #"tolist(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/25", "10.0.3.128/25", "10.0.4.0/25", "10.0.4.128/28", "10.0.4.144/28", "10.0.4.160/28"])"#
      ),
      (#"cidrsubnets("010.0.0.0/21", 3)"#, #"tolist(["10.0.0.0/24"])"#),
      (
        #"cidrsubnets("10.0.0.0/30", 1, 3)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 1, 1, 1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: not enough remaining address space for a subnet with a prefix of 9 bits after 10.128.0.0/9."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 1, 0)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: must extend prefix by at least one bit."#
      ),
      (
        #"cidrsubnets("10.0.0.0/8", 1, -1)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: must extend prefix by at least one bit."#
      ),
      (
        #"cidrsubnets("fe80::/48", 1, 33)"#,
        #"!Invalid function argument: Invalid value for "newbits" parameter: may not extend prefix by more than 32 bits."#
      ),
      // Terraform fails here ("... after <nil>": go-cidr loses an IPv4-mapped network);
      // gitform gives the subnet the mapped network plainly has.
      (#"cidrsubnets("::ffff:10.0.0.0/104", 8)"#, #"tolist(["10.0.0.0/16"])"#),
      (#"cidrhost("2001:db8::/32", 4294967296)"#, #""2001:db8::1:0:0""#),
      (#"cidrhost("2001:db8::/64", 18446744073709551615)"#, #""2001:db8::ffff:ffff:ffff:ffff""#),
      (#"cidrhost("2001:db8::/64", -18446744073709551616)"#, #""2001:db8::""#),
      (#"cidrsubnet("2001:db8::/32", 32, 4294967295)"#, #""2001:db8:ffff:ffff::/64""#),
    ])
  }
}

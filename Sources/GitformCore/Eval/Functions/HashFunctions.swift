/// Hash functions over a string's UTF-8 bytes: `md5`, `sha1`, `sha256`, `sha512` (lowercase
/// hex), `base64sha256`, `base64sha512` (Base64 of the raw digest) and `bcrypt`.
enum HashFunctions {
  static let all: [Function] = [
    hashing("md5") { Hex.string(MD5.hash($0)) },
    hashing("sha1") { Hex.string(SHA1.hash($0)) },
    hashing("sha256") { SHA256.hexDigest($0) },
    hashing("sha512") { Hex.string(SHA512.hash($0)) },
    hashing("base64sha256") { Base64.encode(SHA256.hash($0)) },
    hashing("base64sha512") { Base64.encode(SHA512.hash($0)) },
    Function(
      "bcrypt", [StringFunctions.string("str")], variadic: StringFunctions.number("cost"),
      returns: .string
    ) { args, environment in
      guard args.count <= 2 else {
        throw FunctionError.call("bcrypt() takes no more than two arguments")
      }
      var cost = Bcrypt.defaultCost
      if args.count == 2 {
        guard let given = DecimalArithmetic.intValue(args[1].numberValue ?? 0) else {
          throw FunctionError.argument(index: 1, "value must be a whole number")
        }
        cost = given
      }
      // A new salt every call: like `timestamp()`, only known when applying.
      guard environment.mode == .apply else { return .unknown(.string) }
      switch Bcrypt.hash(
        Array((args[0].stringValue ?? "").utf8), cost: cost, salt: Bcrypt.randomSalt())
      {
      case .success(let hashed): return .string(hashed)
      case .failure(let failure):
        // "occured" is Terraform's spelling.
        throw FunctionError.call("error occured generating password \(failure.message)")
      }
    },
  ]

  private static func hashing(_ name: String, _ digest: @escaping @Sendable ([UInt8]) -> String)
    -> Function
  {
    Function(name, [StringFunctions.string("str")], returns: .string) { args, _ in
      .string(digest(Array((args[0].stringValue ?? "").utf8)))
    }
  }
}

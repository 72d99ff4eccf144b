/// The Blowfish cipher state with bcrypt's expensive key schedule ("eksblowfish").
struct Blowfish {
  private var p = BlowfishTables.p
  /// The four S-boxes, one after another.
  private var s = BlowfishTables.s.flatMap { $0 }

  func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
    var (l, r) = (left, right)
    l ^= p[0]
    var i = 1
    while i < 17 {
      r ^= f(l) ^ p[i]
      l ^= f(r) ^ p[i + 1]
      i += 2
    }
    r ^= p[17]
    return (r, l)
  }

  private func f(_ x: UInt32) -> UInt32 {
    ((s[Int(x >> 24)] &+ s[256 + Int((x >> 16) & 0xff)]) ^ s[512 + Int((x >> 8) & 0xff)])
      &+ s[768 + Int(x & 0xff)]
  }

  /// Mixes `key` into the P-array, then re-encrypts the whole state, XOR-ing in `salt` (when
  /// given) as it goes.
  mutating func expand(key: [UInt8], salt: [UInt8]?) {
    var keyPosition = 0
    for i in 0..<18 { p[i] ^= Self.word(key, &keyPosition) }
    var saltPosition = 0
    var (l, r): (UInt32, UInt32) = (0, 0)
    func next() {
      if let salt {
        l ^= Self.word(salt, &saltPosition)
        r ^= Self.word(salt, &saltPosition)
      }
      (l, r) = encrypt(l, r)
    }
    for i in stride(from: 0, to: 18, by: 2) {
      next()
      (p[i], p[i + 1]) = (l, r)
    }
    for i in stride(from: 0, to: 1024, by: 2) {
      next()
      (s[i], s[i + 1]) = (l, r)
    }
  }

  /// The next four bytes of `bytes`, cyclically, big-endian.
  private static func word(_ bytes: [UInt8], _ position: inout Int) -> UInt32 {
    var word: UInt32 = 0
    for _ in 0..<4 {
      word = word << 8 | UInt32(bytes[position])
      position = (position + 1) % bytes.count
    }
    return word
  }
}

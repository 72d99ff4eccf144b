#if canImport(Glibc)
  import Glibc
#endif

/// How much of the current thread's stack the parser may still use.
///
/// Nesting is limited to `Syntax.maximumNestingDepth`, but a level of nesting costs a few
/// hundred bytes of stack in an optimised build and up to ~10 KB in a debug build, and
/// threads differ (8 MB for the main thread, 512 KB for some secondary ones). So the parser
/// also stops, with the same diagnostic, when less than `reserve` bytes of stack remain:
/// whatever thread it runs on, deep input gives a diagnostic, never a stack overflow.
/// Finding the stack is not free (for the main thread glibc reads /proc/self/maps), so
/// parsers create a budget only once nesting gets past `checkedFromDepth`.
struct StackBudget {
  static let checkedFromDepth = 16

  /// The lowest stack address the parser may reach (stacks grow down); 0 when unknown.
  private let floor: UInt

  init(reserve: Int = 160 * 1024) {
    #if canImport(Glibc)
      // glibc's pthread_getattr_np is a GNU extension the Swift Glibc module does not
      // export; it is looked up at run time instead (RTLD_DEFAULT is a null handle).
      var attributes = pthread_attr_t()
      var base: UnsafeMutableRawPointer?
      var size = 0
      guard let getAttributes = Self.getAttributes else {
        floor = 0
        return
      }
      if getAttributes(pthread_self(), &attributes) == 0 {
        if pthread_attr_getstack(&attributes, &base, &size) == 0, let base {
          floor = UInt(bitPattern: base) + UInt(reserve)
        } else {
          floor = 0
        }
        pthread_attr_destroy(&attributes)
      } else {
        floor = 0
      }
    #else
      floor = 0
    #endif
  }

  #if canImport(Glibc)
    private typealias GetAttributes =
      @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32

    // glibc's pthread_getattr_np is a GNU extension the Swift Glibc module does not export;
    // it is looked up once at run time instead (RTLD_DEFAULT is a null handle).
    private static let getAttributes: GetAttributes? = dlsym(nil, "pthread_getattr_np").map {
      unsafeBitCast($0, to: GetAttributes.self)
    }
  #endif

  /// True while the current stack position is above the floor.
  func hasRoom() -> Bool {
    guard floor != 0 else { return true }
    var marker: UInt8 = 0
    let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return address > floor
  }

  /// Whether `bytes` more of stack fit above the floor.
  func hasRoom(for bytes: Int) -> Bool {
    guard floor != 0 else { return true }
    var marker: UInt8 = 0
    let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return address > floor && address - floor > UInt(max(0, bytes))
  }
}

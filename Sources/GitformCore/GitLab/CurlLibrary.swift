import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The few functions of libcurl's easy interface `CurlTransport` needs, looked up at run time in
/// the libcurl that FoundationNetworking itself links on Linux (no new dependency: it is the
/// library URLSession runs on there).
///
/// Why not URLSession: swift-corelibs-foundation drives libcurl's multi interface with dispatch
/// sources and never cancels a socket's write source when curl stops asking for write
/// readiness; a connected socket is always writable, so from the moment a request is sent until
/// its answer arrives the source fires in a loop — a request that waits 30 seconds burns 30
/// seconds of CPU (measured: 67 % of a core, strace shows `epoll_wait` → `EPOLLOUT` → curl
/// `poll(…, 0)` thousands of times a second). `curl_easy_perform` waits in `poll` instead,
/// which costs nothing.
///
/// `curl_easy_setopt` and `curl_easy_getinfo` are variadic in C; they are called here through
/// fixed prototypes, which the x86-64 and AArch64 Linux calling conventions pass exactly like
/// the variadic call (integer and pointer arguments in the same registers).
struct CurlLibrary: @unchecked Sendable {
  // @unchecked: immutable C function pointers.
  typealias Handle = OpaquePointer
  typealias DataCallback =
    @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

  let easyInit: @convention(c) () -> Handle?
  let easyCleanup: @convention(c) (Handle?) -> Void
  let easyReset: @convention(c) (Handle?) -> Void
  let easyPerform: @convention(c) (Handle?) -> Int32
  let setLong: @convention(c) (Handle?, Int32, Int) -> Int32
  let setPointer: @convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32
  let getLong: @convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>) -> Int32
  let getDouble: @convention(c) (Handle?, Int32, UnsafeMutablePointer<Double>) -> Int32
  let slistAppend: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
  let slistFreeAll: @convention(c) (OpaquePointer?) -> Void
  let describe: @convention(c) (Int32) -> UnsafePointer<CChar>?

  /// The process's libcurl, initialised once; nil when it cannot be found (a platform whose
  /// Foundation does not use libcurl), in which case URLSession is used.
  static let shared: CurlLibrary? = load()

  private static func load() -> CurlLibrary? {
    #if os(Linux)
      // FoundationNetworking loaded libcurl already; find it whatever scope it was loaded in.
      // Tried in order, each only if the previous did not have it.
      let candidates: [() -> UnsafeMutableRawPointer?] = [
        { dlopen(nil, RTLD_NOW) }, { dlopen("libcurl.so.4", RTLD_NOW | RTLD_NOLOAD) },
        { dlopen("libcurl.so.4", RTLD_NOW) }, { dlopen("libcurl-gnutls.so.4", RTLD_NOW) },
      ]
      for candidate in candidates {
        guard let library = candidate() else { continue }
        guard let init_ = dlsym(library, "curl_easy_init") else { continue }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
          dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard
          let cleanup = symbol("curl_easy_cleanup", as: (@convention(c) (Handle?) -> Void).self),
          let reset = symbol("curl_easy_reset", as: (@convention(c) (Handle?) -> Void).self),
          let perform = symbol("curl_easy_perform", as: (@convention(c) (Handle?) -> Int32).self),
          let setLong = symbol(
            "curl_easy_setopt", as: (@convention(c) (Handle?, Int32, Int) -> Int32).self),
          let setPointer = symbol(
            "curl_easy_setopt",
            as: (@convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32).self),
          let getLong = symbol(
            "curl_easy_getinfo",
            as: (@convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>) -> Int32).self),
          let getDouble = symbol(
            "curl_easy_getinfo",
            as: (@convention(c) (Handle?, Int32, UnsafeMutablePointer<Double>) -> Int32).self),
          let append = symbol(
            "curl_slist_append",
            as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self),
          let freeAll = symbol(
            "curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self),
          let describe = symbol(
            "curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self),
          let globalInit = symbol("curl_global_init", as: (@convention(c) (Int) -> Int32).self)
        else { continue }
        // Thread-safe since curl 7.84 and harmless to repeat; 3 = CURL_GLOBAL_ALL.
        guard globalInit(3) == 0 else { return nil }
        return CurlLibrary(
          easyInit: unsafeBitCast(init_, to: (@convention(c) () -> Handle?).self),
          easyCleanup: cleanup, easyReset: reset, easyPerform: perform, setLong: setLong,
          setPointer: setPointer, getLong: getLong, getDouble: getDouble, slistAppend: append,
          slistFreeAll: freeAll, describe: describe)
      }
    #endif
    return nil
  }

  /// libcurl's words for an error code.
  func message(_ code: Int32) -> String {
    describe(code).map { String(cString: $0) } ?? "curl error \(code)"
  }
}

/// The libcurl constants used (curl/curl.h; stable across libcurl 7 and 8).
enum CurlOption {
  static let writeData: Int32 = 10001
  static let url: Int32 = 10002
  static let errorBuffer: Int32 = 10010
  static let writeFunction: Int32 = 20011
  static let lowSpeedLimit: Int32 = 19
  static let lowSpeedTime: Int32 = 20
  static let httpHeader: Int32 = 10023
  static let headerData: Int32 = 10029
  static let customRequest: Int32 = 10036
  static let post: Int32 = 47
  static let followLocation: Int32 = 52
  static let postFieldSize: Int32 = 60
  static let sslVerifyPeer: Int32 = 64
  static let freshConnect: Int32 = 74
  static let forbidReuse: Int32 = 75
  static let headerFunction: Int32 = 20079
  static let httpGet: Int32 = 80
  static let sslVerifyHost: Int32 = 81
  static let noSignal: Int32 = 99
  static let timeoutMilliseconds: Int32 = 155
  static let connectTimeoutMilliseconds: Int32 = 156
  static let copyPostFields: Int32 = 10165

  static let infoResponseCode: Int32 = 0x20_0002
  static let infoConnectTime: Int32 = 0x30_0005
  static let infoTLSConnectTime: Int32 = 0x30_0021
}

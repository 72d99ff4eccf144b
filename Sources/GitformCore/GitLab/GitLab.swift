// GitLab/: gitform's typed client for GitLab's REST API (v4).
//
// For: the connection settings (base URL, token, TLS options), the HTTP transport seam and its
// URLSession implementation, the requests the resources need (users, projects, groups, personal,
// impersonation, project and group access tokens, project CI/CD variables), pagination, retries
// and the mapping of GitLab's answers to typed values and `GitLabError`s.
//
// Not for: deciding what to change (Plan/), the order of changes (Apply/), state (State/) or
// printing (CLI/). Nothing here prints or logs. It shares no code with the emulator
// (Sources/GitLabEmulator): both are written from reference/gitlab-api.md, so a misreading in one
// cannot hide in the other.
//
// How the engine uses it: build a `GitLabConnection` (`resolve` applies the provider block, then
// GITLAB_BASE_URL / GITLAB_TOKEN), then `GitLabClient(connection:)`. Every call is synchronous
// and the client is a `Sendable` value, so a parallel apply calls it from up to N threads at once
// (measured: 40 requests at 50 ms latency from 10 threads take about 0.26 s). Refresh uses the
// list-all calls (one request per owner and page); create and rotate return a
// `GitLabCreatedToken` whose value must be stored before anything else happens.
//
// Invariants: a token value (the connection's or one GitLab created) is only ever held in a
// `SecretValue`; no error message or description contains one. Only idempotent requests are
// retried; a dropped non-idempotent request is reported as `outcomeUnknown`.

/// Facts about GitLab's REST API that several files of this folder rely on.
public enum GitLabREST {
  /// The path every v4 route lives under.
  public static let pathPrefix = "/api/v4"
  /// Kaminari's `max_per_page`: GitLab clamps larger values, so list-all asks for this many.
  public static let maximumPageSize = 100
  /// A ceiling on pages followed in one list, so a server that always answers "next page" cannot
  /// keep a refresh running forever (100 × 10,000 = a million records).
  public static let maximumPages = 10_000
}
